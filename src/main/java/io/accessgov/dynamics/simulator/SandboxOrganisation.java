package io.accessgov.dynamics.simulator;

import io.accessgov.dynamics.simulator.PrivilegeCatalogue.Privilege;
import io.accessgov.dynamics.simulator.SeedWriter.RoleSpec;
import io.accessgov.dynamics.simulator.SeedWriter.TeamSpec;
import io.accessgov.dynamics.simulator.SeedWriter.UserSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The demo environment "contoso-sandbox": a small, separate Dataverse organisation of the same company, in which some
 * people of {@link DemoOrganisation} also have accounts. Each has a Dataverse user id of its own here but the same
 * Entra object id (docs/dataverse.md §1.3), and different roles: Cameron White, a Power Platform developer, is System
 * Administrator here only; Megan Bowen is System Administrator in both; the sales people test in an owner team.
 * Deterministic.
 */
final class SandboxOrganisation {

    /** Who of Contoso has an account in the sandbox, in which business unit, with which title there. */
    private static final String[][] SHARED_PEOPLE = {
        {"Megan Bowen", "Contoso Sandbox", "IT Director"},
        {"Cameron White", "Development", "Power Platform Developer"},
        {"Lee Gu", "Development", "Systems Engineer"},
        {"Kenji Watanabe", "Development", "Database Administrator"},
        {"Dana Birkby", "Quality Assurance", "Security Analyst"},
        {"Alex Wilber", "Quality Assurance", "Account Executive"},
        {"Adele Vance", "Quality Assurance", "Sales Manager"},
        {"Isaiah Langer", "Quality Assurance", "Account Executive"},
    };

    private final SeedWriter w;
    private final Map<String, UUID> units = new LinkedHashMap<>();
    private final Map<UUID, UUID> parentUnit = new HashMap<>();
    private final Map<String, Map<UUID, UUID>> roles = new LinkedHashMap<>();
    private final Map<String, UUID> people = new LinkedHashMap<>();
    private final Map<UUID, UUID> unitOfUser = new LinkedHashMap<>();

    private SandboxOrganisation(SeedWriter writer) {
        this.w = writer;
    }

    /**
     * The sandbox, its shared people carrying the Entra object ids they have in the demo organisation built from
     * {@code demoSeed}.
     */
    static Organisation build(long seed, long demoSeed, UUID connectorApplicationId) {
        return new SandboxOrganisation(new SeedWriter(seed))
                .populate(DemoOrganisation.entraObjectIdsOfPeople(demoSeed), connectorApplicationId);
    }

    private Organisation populate(Map<String, UUID> entraObjectIds, UUID connectorApplicationId) {
        unit("Contoso Sandbox", null);
        unit("Development", "Contoso Sandbox");
        unit("Quality Assurance", "Contoso Sandbox");
        List<UUID> unitsParentsFirst = List.copyOf(units.values());
        for (RoleSpec spec : OutOfBoxRoles.specs(w)) {
            roles.put(spec.name(), w.roleInEveryUnit(spec, unitsParentsFirst, parentUnit));
        }
        UUID root = units.get("Contoso Sandbox");

        UUID system = account(builtIn("SYSTEM", root));
        UUID integration = account(builtIn("INTEGRATION", root));

        int hour = 10;
        for (String[] person : SHARED_PEOPLE) {
            UUID entraId = entraObjectIds.get(person[0]);
            if (entraId == null) {
                throw new IllegalStateException("the demo organisation has no " + person[0]);
            }
            String[] name = person[0].split(" ", 2);
            UserSpec spec = human(name[0], name[1], units.get(person[1]), person[2], hour++);
            spec.entraObjectId = entraId;
            people.put(person[0], account(spec));
        }
        UserSpec contractor = human("Tomasz", "Zielinski", units.get("Development"), "Contract Developer", hour++);
        contractor.entraObjectId = w.newId();
        people.put("Tomasz Zielinski", account(contractor));
        UserSpec tester = human("Aiko", "Tanaka", units.get("Quality Assurance"), "Test Analyst", hour++);
        tester.entraObjectId = w.newId();
        people.put("Aiko Tanaka", account(tester));

        UserSpec support = special(null, "Support User", "crmoln@microsoft.com", root);
        support.accessMode = 3;
        UUID supportUser = account(support);
        UserSpec app = special("#", "Access Governance Connector", "accessgov-connector@contoso.com", root);
        app.accessMode = 4;
        app.email = null;
        app.applicationId = connectorApplicationId;
        UUID connector = account(app);

        grant(connector, "System Administrator");
        grant(supportUser, "Support User");
        grant(people.get("Megan Bowen"), "System Administrator");
        grant(people.get("Cameron White"), "System Administrator");
        grant(people.get("Lee Gu"), "System Customizer");
        grant(people.get("Kenji Watanabe"), "Environment Maker");
        grant(people.get("Tomasz Zielinski"), "Environment Maker");
        for (String person : List.of("Dana Birkby", "Alex Wilber", "Adele Vance", "Isaiah Langer", "Aiko Tanaka")) {
            grant(people.get(person), "Basic User");
        }

        UUID megan = people.get("Megan Bowen");
        for (Map.Entry<String, UUID> unit : units.entrySet()) {
            UUID team = w.team(new TeamSpec(
                    unit.getKey(),
                    0,
                    null,
                    true,
                    unit.getValue(),
                    megan,
                    null,
                    "Default team of the " + unit.getKey() + " business unit.",
                    2));
            unitOfUser.forEach((user, userUnit) -> {
                if (userUnit.equals(unit.getValue()) && !user.equals(system) && !user.equals(integration)) {
                    w.membership(user, team);
                }
            });
        }
        UUID qa = units.get("Quality Assurance");
        UUID testers = w.team(new TeamSpec(
                "Sales Testers",
                0,
                null,
                false,
                qa,
                people.get("Adele Vance"),
                null,
                "Sales people who try new forms and flows before they reach Contoso.",
                20));
        w.teamRole(testers, roles.get("Salesperson").get(qa));
        w.teamRole(testers, roles.get("Sales Manager").get(qa));
        for (String person : List.of("Alex Wilber", "Adele Vance", "Isaiah Langer", "Aiko Tanaka")) {
            w.membership(people.get(person), testers);
        }
        UUID release = w.team(new TeamSpec(
                "Release Review", 1, null, false, root, megan, null, "Access team for release sign-off.", 21));
        for (String person : List.of("Megan Bowen", "Cameron White", "Dana Birkby")) {
            w.membership(people.get(person), release);
        }

        PrivilegeCatalogue catalogue = PrivilegeCatalogue.standard();
        w.privileges(catalogue);
        Random customRoles = new Random(1);
        roles.forEach((name, copies) -> {
            for (Map.Entry<Privilege, Integer> held :
                    RolePrivilegeSets.of(name, catalogue, customRoles).entrySet()) {
                w.rolePrivilege(copies.get(root), held.getKey().id(), held.getValue());
            }
        });
        return w.build(connector, "9.2.24113.00182", catalogue);
    }

    private void unit(String name, String parent) {
        UUID parentId = parent == null ? null : units.get(parent);
        UUID id = w.businessUnit(name, parentId, false, units.size());
        units.put(name, id);
        if (parentId != null) {
            parentUnit.put(id, parentId);
        }
    }

    private UserSpec human(String first, String last, UUID unit, String title, int hour) {
        String upn = (first + "." + last).toLowerCase() + "@contoso.com";
        UserSpec spec = new UserSpec(first, last, upn, unit);
        spec.title = title;
        spec.offsetHours = hour;
        return spec;
    }

    private UserSpec builtIn(String name, UUID unit) {
        UserSpec spec = new UserSpec(null, name, "", unit);
        spec.email = null;
        spec.licensed = false;
        spec.syncWithDirectory = false;
        return spec;
    }

    private UserSpec special(String first, String last, String domain, UUID unit) {
        UserSpec spec = new UserSpec(first, last, domain, unit);
        spec.licensed = false;
        spec.entraObjectId = w.newId();
        return spec;
    }

    private UUID account(UserSpec spec) {
        UUID id = w.user(spec);
        unitOfUser.put(id, spec.businessUnit);
        return id;
    }

    private void grant(UUID user, String role) {
        w.userRole(user, roles.get(role).get(unitOfUser.get(user)));
    }
}
