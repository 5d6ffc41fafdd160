package io.accessgov.dynamics.simulator;

import java.util.UUID;

/**
 * What the simulator is seeded with: the demo organisation "Contoso" (deterministic, about fifty people and every
 * kind of system account) or a generated organisation of any size.
 *
 * <pre>{@code
 * OrganisationSeed.demo();
 * OrganisationSeed.generated().users(100_000).businessUnits(40).logicalRoles(60).teams(3_000)
 *         .userRoleLinks(300_000).memberships(250_000).customTables(100).globalPrivilegeShare(0.05)
 *         .fieldSecurityProfiles(20).profileMemberships(5_000).randomSeed(7).build();
 * }</pre>
 */
public final class OrganisationSeed {

    private static final long DEMO_SEED = 20_240_315L;
    private static final long SANDBOX_SEED = 20_240_916L;

    private final Generated generated;
    private final long demoSeed;
    private final boolean sandbox;

    private OrganisationSeed(Generated generated, long demoSeed, boolean sandbox) {
        this.generated = generated;
        this.demoSeed = demoSeed;
        this.sandbox = sandbox;
    }

    /** The demo organisation "Contoso". */
    public static OrganisationSeed demo() {
        return new OrganisationSeed(null, DEMO_SEED, false);
    }

    /**
     * The demo organisation's sandbox environment: a smaller organisation in which some people of {@link #demo()}
     * have accounts too, with the same Entra object ids and other roles.
     */
    public static OrganisationSeed sandbox() {
        return new OrganisationSeed(null, DEMO_SEED, true);
    }

    /** A generated organisation; set its size on the returned builder. */
    public static Generated generated() {
        return new Generated();
    }

    /**
     * The tenant-scale organisation of the sync benchmark (docs/benchmarks.md): 100,000 people, 40 business units,
     * 60 logical roles with about 500 privileges each out of about 1,000 (100 custom tables), 3,000 teams, 300,000
     * role assignments, 250,000 team memberships, 20 field security profiles with 5,000 direct memberships.
     */
    public static OrganisationSeed large() {
        return largeGenerated().build();
    }

    /**
     * The size of {@link #large()}, to change before building, e.g. to let 5 % of the people delete accounts at
     * Global depth: {@code OrganisationSeed.largeGenerated().globalPrivilegeShare(0.05).build()}.
     */
    public static Generated largeGenerated() {
        return generated()
                .users(100_000)
                .businessUnits(40)
                .logicalRoles(60)
                .teams(3_000)
                .userRoleLinks(300_000)
                .memberships(250_000)
                .customTables(100)
                .fieldSecurityProfiles(20)
                .profileMemberships(5_000);
    }

    Organisation build(UUID connectorApplicationId) {
        if (generated != null) {
            return GeneratedOrganisation.build(generated, connectorApplicationId);
        }
        return sandbox
                ? SandboxOrganisation.build(SANDBOX_SEED, demoSeed, connectorApplicationId)
                : DemoOrganisation.build(demoSeed, connectorApplicationId);
    }

    @Override
    public String toString() {
        if (generated != null) {
            return "OrganisationSeed[" + generated + "]";
        }
        return sandbox ? "OrganisationSeed[sandbox]" : "OrganisationSeed[demo]";
    }

    /**
     * The size of a generated organisation. Beyond the people asked for it always holds SYSTEM, INTEGRATION, the
     * support user and this service's own application user; every business unit has its default team, which counts
     * towards {@code teams}; default-team memberships come on top of {@code memberships}. The role "Data Steward" and
     * its teams ({@code globalPrivilegeShare}) come on top of {@code logicalRoles}, {@code teams},
     * {@code userRoleLinks} and {@code memberships}.
     */
    public static final class Generated {
        private int users = 1_000;
        private int businessUnits = 5;
        private int logicalRoles = 14;
        private int teams = 20;
        private long userRoleLinks = 3_000;
        private long memberships = 2_500;
        private int customTables;
        private double globalPrivilegeShare;
        private int fieldSecurityProfiles = 4;
        private long profileMemberships = 20;
        private long randomSeed = 42;

        private Generated() {}

        public Generated users(int value) {
            this.users = positive(value, "users");
            return this;
        }

        public Generated businessUnits(int value) {
            this.businessUnits = positive(value, "businessUnits");
            return this;
        }

        public Generated logicalRoles(int value) {
            this.logicalRoles = positive(value, "logicalRoles");
            return this;
        }

        public Generated teams(int value) {
            this.teams = positive(value, "teams");
            return this;
        }

        public Generated userRoleLinks(long value) {
            this.userRoleLinks = Math.max(0, value);
            return this;
        }

        public Generated memberships(long value) {
            this.memberships = Math.max(0, value);
            return this;
        }

        /** Custom tables ({@code cr6a1_table001} …) in the metadata, each with its eight privileges. */
        public Generated customTables(int value) {
            this.customTables = Math.max(0, value);
            return this;
        }

        /**
         * The share of the people (0 to 1) who delete accounts at Global depth through the role "Data Steward": half
         * of them hold it directly, the others through owner teams. Nobody else but this service's own application
         * user (System Administrator) holds that privilege at Global depth. Default 0: no Data Steward role.
         */
        public Generated globalPrivilegeShare(double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("globalPrivilegeShare must be between 0 and 1");
            }
            this.globalPrivilegeShare = value;
            return this;
        }

        /** Field security profiles, the out-of-box "System Administrator" among them (0: none). */
        public Generated fieldSecurityProfiles(int value) {
            this.fieldSecurityProfiles = Math.max(0, value);
            return this;
        }

        /** Direct profile memberships of people, spread over the custom profiles. */
        public Generated profileMemberships(long value) {
            this.profileMemberships = Math.max(0, value);
            return this;
        }

        public Generated randomSeed(long value) {
            this.randomSeed = value;
            return this;
        }

        public OrganisationSeed build() {
            return new OrganisationSeed(this, 0, false);
        }

        int users() {
            return users;
        }

        int businessUnits() {
            return businessUnits;
        }

        int logicalRoles() {
            return logicalRoles;
        }

        int teams() {
            return teams;
        }

        long userRoleLinks() {
            return userRoleLinks;
        }

        long memberships() {
            return memberships;
        }

        int customTables() {
            return customTables;
        }

        double globalPrivilegeShare() {
            return globalPrivilegeShare;
        }

        int fieldSecurityProfiles() {
            return fieldSecurityProfiles;
        }

        long profileMemberships() {
            return profileMemberships;
        }

        long randomSeed() {
            return randomSeed;
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1");
            }
            return value;
        }

        @Override
        public String toString() {
            return "users=" + users + ", businessUnits=" + businessUnits + ", logicalRoles=" + logicalRoles
                    + ", teams=" + teams + ", userRoleLinks=" + userRoleLinks + ", memberships=" + memberships
                    + ", customTables=" + customTables + ", globalPrivilegeShare=" + globalPrivilegeShare
                    + ", fieldSecurityProfiles=" + fieldSecurityProfiles + ", profileMemberships="
                    + profileMemberships + ", randomSeed=" + randomSeed;
        }
    }
}
