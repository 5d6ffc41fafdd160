package io.accessgov.dynamics.simulator;

import io.accessgov.dynamics.simulator.PrivilegeCatalogue.Privilege;
import io.accessgov.dynamics.simulator.SeedWriter.RoleSpec;
import io.accessgov.dynamics.simulator.SeedWriter.TeamSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The privileges and column security of a generated organisation, written after everything else: every logical
 * role's privileges on its root copy (System Administrator everything at Global, the out-of-box roles their plausible
 * sets, custom roles 400 to 650 random ones); optionally the role "Data Steward" (accounts deleted at Global depth)
 * for a share of the people, half directly and half through owner teams; and field security profiles held by people
 * and by owner and Entra group teams. Its random choices come from their own source, so the rest of the organisation
 * is the same with or without them.
 */
final class GeneratedSecurity {

    private static final String[][] SECURED = {
        {"contact", "governmentid"},
        {"contact", "birthdate"},
        {"contact", "annualincome"},
        {"account", "creditlimit"},
        {"account", "revenue"},
        {"opportunity", "estimatedvalue"},
        {"opportunity", "budgetamount"},
        {"lead", "budgetamount"},
    };

    private final SeedWriter w;
    private final OrganisationSeed.Generated p;
    private final PrivilegeCatalogue catalogue;
    private final List<UUID> units;
    private final Map<UUID, UUID> parentUnit;
    private final Random random;

    GeneratedSecurity(
            SeedWriter writer,
            OrganisationSeed.Generated parameters,
            PrivilegeCatalogue catalogue,
            List<UUID> units,
            Map<UUID, UUID> parentUnit) {
        this.w = writer;
        this.p = parameters;
        this.catalogue = catalogue;
        this.units = units;
        this.parentUnit = parentUnit;
        this.random = new Random(parameters.randomSeed() * 31 + 17);
    }

    /** The privileges table, then each role's privileges on its root copy ({@code copies[role][0]}). */
    GeneratedSecurity rolePrivileges(List<RoleSpec> specs, UUID[][] copies) {
        w.privileges(catalogue);
        for (int r = 0; r < specs.size(); r++) {
            grant(copies[r][0], specs.get(r).name());
        }
        return this;
    }

    /**
     * Gives "Data Steward" to {@code globalPrivilegeShare} of the people (the first two accounts are the connector and
     * the support user): half of them directly, the others through owner teams "Data Stewards NN" of about 250 members.
     */
    GeneratedSecurity dataStewards(List<UUID> users, int[] unitOf) {
        int humans = users.size() - 2;
        int holders = (int) Math.round(p.globalPrivilegeShare() * humans);
        if (holders == 0) {
            return this;
        }
        RoleSpec spec = new RoleSpec(
                RolePrivilegeSets.DATA_STEWARD,
                null,
                1,
                0,
                false,
                null,
                "Custom role: merges and removes duplicate and stale customer records across the organisation.",
                p.logicalRoles());
        Map<UUID, UUID> copies = w.roleInEveryUnit(spec, units, parentUnit);
        grant(copies.get(units.get(0)), spec.name());
        List<Integer> chosen = new ArrayList<>(pick(holders, humans));
        int direct = holders / 2;
        for (int i = 0; i < direct; i++) {
            int person = 2 + chosen.get(i);
            w.userRole(users.get(person), copies.get(units.get(unitOf[person])));
        }
        int viaTeams = holders - direct;
        int teams = Math.max(1, (viaTeams + 249) / 250);
        for (int t = 0; t < teams; t++) {
            int from = direct + viaTeams * t / teams;
            int to = direct + viaTeams * (t + 1) / teams;
            if (from == to) {
                continue;
            }
            UUID unit = units.get(random.nextInt(units.size()));
            UUID team = w.team(new TeamSpec(
                    String.format("Data Stewards %02d", t + 1),
                    0,
                    null,
                    false,
                    unit,
                    users.get(2 + chosen.get(from)),
                    null,
                    "Holds Data Steward for its members.",
                    48 + p.teams() + t));
            w.teamRole(team, copies.get(unit));
            for (int i = from; i < to; i++) {
                w.membership(users.get(2 + chosen.get(i)), team);
            }
        }
        return this;
    }

    /**
     * The out-of-box "System Administrator" profile (every secured column) and {@code fieldSecurityProfiles - 1}
     * custom ones over two to six secured columns each; {@code profileMemberships} people hold a custom profile
     * directly, and each custom profile is held by one or two owner or Entra group teams.
     */
    void profiles(List<UUID> users, List<UUID> ownerTeams) {
        int count = p.fieldSecurityProfiles();
        if (count == 0) {
            return;
        }
        List<String[]> secured = new ArrayList<>(List.of(SECURED));
        for (PrivilegeCatalogue.TableInfo table : catalogue.tables()) {
            if (table.custom()) {
                secured.add(new String[] {table.logicalName(), "cr6a1_secret"});
            }
        }
        UUID admin = w.profile(
                "System Administrator",
                "Full access to all secured columns. Assigned to system administrators.",
                true,
                1);
        for (String[] column : secured) {
            w.fieldPermission(admin, column[0], column[1], 4, 4, 4, 3);
        }
        w.userProfile(users.get(0), admin);
        List<UUID> custom = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            UUID profile = w.profile(
                    String.format("Column Access %02d", i), "Generated field security profile.", false, 60 + i);
            custom.add(profile);
            Set<Integer> columns = new LinkedHashSet<>();
            int wanted = Math.min(secured.size(), 2 + random.nextInt(5));
            while (columns.size() < wanted) {
                columns.add(random.nextInt(secured.size()));
            }
            for (int c : columns) {
                int[] unmasked = {0, 0, 1, 3};
                w.fieldPermission(
                        profile,
                        secured.get(c)[0],
                        secured.get(c)[1],
                        4,
                        random.nextBoolean() ? 4 : 0,
                        random.nextBoolean() ? 4 : 0,
                        unmasked[random.nextInt(unmasked.length)]);
            }
            Set<UUID> holders = new HashSet<>();
            for (int t = 0; t < 1 + random.nextInt(2) && !ownerTeams.isEmpty(); t++) {
                UUID team = ownerTeams.get(random.nextInt(ownerTeams.size()));
                if (holders.add(team)) {
                    w.teamProfile(team, profile);
                }
            }
        }
        int humans = users.size() - 2;
        long memberships = p.profileMemberships();
        for (int i = 0; i < custom.size(); i++) {
            long share = memberships * (i + 1) / custom.size() - memberships * i / custom.size();
            for (int person : pick((int) Math.min(share, humans), humans)) {
                w.userProfile(users.get(2 + person), custom.get(i));
            }
        }
    }

    private void grant(UUID rootCopy, String roleName) {
        for (Map.Entry<Privilege, Integer> held :
                RolePrivilegeSets.of(roleName, catalogue, random).entrySet()) {
            w.rolePrivilege(rootCopy, held.getKey().id(), held.getValue());
        }
    }

    /** {@code count} distinct indexes below {@code bound}, in the order drawn. */
    private Set<Integer> pick(int count, int bound) {
        Set<Integer> picked = new LinkedHashSet<>();
        while (picked.size() < Math.min(count, bound)) {
            picked.add(random.nextInt(bound));
        }
        return picked;
    }
}
