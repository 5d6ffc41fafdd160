package io.accessgov.dynamics.simulator;

import io.accessgov.dynamics.simulator.PrivilegeCatalogue.Privilege;
import io.accessgov.dynamics.simulator.SeedWriter.RoleSpec;
import io.accessgov.dynamics.simulator.SeedWriter.TeamSpec;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The demo organisation's privileges and column security (docs/dataverse.md §14–§15), written after everything else
 * so the rest of the demo keeps its ids: the roles' privileges; the custom role "Data Steward" (accounts deleted at
 * Global depth) held only through the owner team "Data Quality"; and field security profiles, among them
 * "Identity Verification", which reads contact.governmentid unmasked and is held by a person and by a team.
 */
final class DemoSecurity {

    /** The secured columns of the demo (table, column); the System Administrator profile opens all of them. */
    static final List<String[]> SECURED_COLUMNS = List.of(
            new String[] {"contact", "governmentid"},
            new String[] {"contact", "birthdate"},
            new String[] {"account", "creditlimit"},
            new String[] {"opportunity", "estimatedvalue"});

    private final SeedWriter w;
    private final PrivilegeCatalogue catalogue;
    private final Map<String, Map<UUID, UUID>> roles;
    private final Map<String, UUID> units;
    private final Map<String, UUID> people;

    DemoSecurity(
            SeedWriter writer,
            PrivilegeCatalogue catalogue,
            Map<String, Map<UUID, UUID>> roles,
            Map<String, UUID> units,
            Map<String, UUID> people) {
        this.w = writer;
        this.catalogue = catalogue;
        this.roles = roles;
        this.units = units;
        this.people = people;
    }

    /** The privileges, then every role's set on its root copy (the root business unit's). */
    void rolePrivileges() {
        w.privileges(catalogue);
        UUID root = units.get("Contoso");
        Random customRoles = new Random(0);
        roles.forEach((name, copies) -> {
            for (Map.Entry<Privilege, Integer> held :
                    RolePrivilegeSets.of(name, catalogue, customRoles).entrySet()) {
                w.rolePrivilege(copies.get(root), held.getKey().id(), held.getValue());
            }
        });
    }

    /**
     * The custom role "Data Steward" in every business unit, its privileges, and the owner team "Data Quality" of
     * Sales that holds it: its members delete accounts at Global depth through the team only.
     */
    void dataStewards(List<UUID> unitsParentsFirst, Map<UUID, UUID> parentUnit) {
        RoleSpec spec = new RoleSpec(
                RolePrivilegeSets.DATA_STEWARD,
                null,
                1,
                0,
                false,
                null,
                "Custom role: merges and removes duplicate and stale customer records across the organisation.",
                50);
        Map<UUID, UUID> copies = w.roleInEveryUnit(spec, unitsParentsFirst, parentUnit);
        roles.put(spec.name(), copies);
        UUID rootCopy = copies.get(units.get("Contoso"));
        for (Map.Entry<Privilege, Integer> held :
                RolePrivilegeSets.of(spec.name(), catalogue, new Random(0)).entrySet()) {
            w.rolePrivilege(rootCopy, held.getKey().id(), held.getValue());
        }
        UUID sales = units.get("Sales");
        UUID team = w.team(new TeamSpec(
                "Data Quality",
                0,
                null,
                false,
                sales,
                people.get("Ian MacLeod"),
                null,
                "Keeps customer data clean across regions.",
                48));
        w.teamRole(team, copies.get(sales));
        for (String member : List.of("Ian MacLeod", "Delia Dennis", "Emily Braun")) {
            w.membership(people.get(member), team);
        }
    }

    /**
     * The field security profiles: the out-of-box "System Administrator" (every secured column, held by the two
     * administrators), "Identity Verification" (contact.governmentid unmasked, held by Julia Szabo and the team
     * Service Escalations), "Credit Control" (account.creditlimit, held by Grady Archie and Finance Approvers) and
     * "Sales Compensation" (opportunity.estimatedvalue, held by the Entra group team Dynamics Sales Users). No
     * access team holds a profile: Dataverse refuses that.
     */
    void profiles(UUID serviceEscalations, UUID financeApprovers, UUID dynamicsSalesUsers) {
        UUID admin = w.profile(
                "System Administrator",
                "Full access to all secured columns. Assigned to system administrators.",
                true,
                1);
        for (String[] column : SECURED_COLUMNS) {
            w.fieldPermission(admin, column[0], column[1], 4, 4, 4, 3);
        }
        w.userProfile(people.get("Megan Bowen"), admin);
        w.userProfile(people.get("Patti Fernandez"), admin);

        UUID identity = w.profile(
                "Identity Verification", "Reads government ids in clear to verify a customer's identity.", false, 51);
        w.fieldPermission(identity, "contact", "governmentid", 4, 0, 0, 3);
        w.userProfile(people.get("Julia Szabo"), identity);
        w.teamProfile(serviceEscalations, identity);

        UUID credit = w.profile("Credit Control", "Sets and reads customers' credit limits.", false, 52);
        w.fieldPermission(credit, "account", "creditlimit", 4, 4, 4, 0);
        w.userProfile(people.get("Grady Archie"), credit);
        w.teamProfile(financeApprovers, credit);

        UUID compensation = w.profile("Sales Compensation", "Reads estimated deal values for commission.", false, 53);
        w.fieldPermission(compensation, "opportunity", "estimatedvalue", 4, 0, 0, 0);
        w.teamProfile(dynamicsSalesUsers, compensation);
    }
}
