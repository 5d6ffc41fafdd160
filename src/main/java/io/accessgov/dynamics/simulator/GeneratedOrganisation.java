package io.accessgov.dynamics.simulator;

import io.accessgov.dynamics.simulator.SeedWriter.RoleSpec;
import io.accessgov.dynamics.simulator.SeedWriter.TeamSpec;
import io.accessgov.dynamics.simulator.SeedWriter.UserSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A large generated organisation for load and sync tests: a business-unit tree, every logical role copied into every
 * unit, teams of every type, the people asked for plus the system accounts, random links, and the privileges and
 * field security of {@link GeneratedSecurity}. Deterministic per seed. People draw their roles from every logical
 * role but System Administrator, which only this service's own application user holds, so that who holds a
 * privilege at Global depth is decided by {@link OrganisationSeed.Generated#globalPrivilegeShare(double)}.
 */
final class GeneratedOrganisation {

    private static final String[] FIRST = {
        "Aiko", "Ben", "Chloe", "Dmitri", "Elena", "Farah", "Gustav", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Marco",
        "Nia", "Omar", "Paula", "Quinn", "Rafael", "Sofia", "Tariq", "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe",
        "Anna", "Bruno", "Carmen", "David", "Emma", "Felix", "Grace", "Hugo", "Iris", "Jonas", "Kira", "Liam"
    };
    private static final String[] LAST = {
        "Andersen", "Brown", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hoffmann", "Ito", "Jansen", "Kim",
        "Larsen", "Martin", "Nakamura", "Olsen", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Ulrich", "Vargas",
        "Weber", "Xu", "Yilmaz", "Zimmer", "O'Neil", "Novak", "Silva", "Meyer"
    };
    private static final String[] TITLES = {
        "Account Executive", "Support Engineer", "Analyst", "Manager", "Consultant", "Developer", "Coordinator", null
    };

    private GeneratedOrganisation() {}

    static Organisation build(OrganisationSeed.Generated p, UUID connectorApplicationId) {
        SeedWriter w = new SeedWriter(p.randomSeed());
        Random random = w.random();

        List<UUID> units = new ArrayList<>();
        Map<UUID, UUID> parentUnit = new HashMap<>();
        units.add(w.businessUnit("Contoso", null, false, 0));
        for (int i = 1; i < p.businessUnits(); i++) {
            UUID parent = i <= 8 ? units.get(0) : units.get(1 + random.nextInt(8));
            boolean disabled = i == p.businessUnits() - 1 && p.businessUnits() > 5;
            UUID unit = w.businessUnit(String.format("Division %02d", i), parent, disabled, i);
            units.add(unit);
            parentUnit.put(unit, parent);
        }
        List<RoleSpec> specs = OutOfBoxRoles.specs(w, p.logicalRoles());
        UUID[][] copies = new UUID[specs.size()][];
        for (int r = 0; r < specs.size(); r++) {
            Map<UUID, UUID> byUnit = w.roleInEveryUnit(specs.get(r), units, parentUnit);
            copies[r] = new UUID[units.size()];
            for (int u = 0; u < units.size(); u++) {
                copies[r][u] = byUnit.get(units.get(u));
            }
        }

        UUID root = units.get(0);
        List<UUID> users = new ArrayList<>(p.users() + 8);
        int[] unitOf = new int[p.users() + 8];
        UserSpec system = new UserSpec(null, "SYSTEM", "", root);
        system.licensed = false;
        system.syncWithDirectory = false;
        system.email = null;
        UserSpec integration = new UserSpec(null, "INTEGRATION", "", root);
        integration.licensed = false;
        integration.syncWithDirectory = false;
        integration.email = null;
        w.user(system);
        w.user(integration);
        UserSpec connector = new UserSpec("#", "Access Governance Connector", "accessgov-connector@contoso.com", root);
        connector.accessMode = 4;
        connector.applicationId = connectorApplicationId;
        connector.licensed = false;
        connector.entraObjectId = w.newId();
        UUID connectorId = w.user(connector);
        w.userRole(connectorId, copies[0][0]);
        users.add(connectorId);
        UserSpec support = new UserSpec(null, "Support User", "crmoln@microsoft.com", root);
        support.accessMode = 3;
        support.licensed = false;
        users.add(w.user(support));

        int[] picks = new int[Math.max(1, specs.size())];
        long links = p.userRoleLinks();
        for (int i = 0; i < p.users(); i++) {
            int unit = random.nextInt(units.size());
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String upn = (first + "." + last).toLowerCase().replace("'", "") + "." + i + "@contoso.com";
            UserSpec spec = new UserSpec(first, last, upn, units.get(unit));
            spec.entraObjectId = w.newId();
            spec.title = TITLES[random.nextInt(TITLES.length)];
            spec.offsetHours = 24 + i / 50;
            int health = random.nextInt(1000);
            spec.disabled = health < 10;
            spec.azureState = health < 2 ? 1 : 0;
            UUID user = w.user(spec);
            unitOf[users.size()] = unit;
            users.add(user);
            int count = (int) (links * (i + 1) / p.users() - links * i / p.users());
            count = Math.min(count, Math.max(1, specs.size() - 1));
            int chosen = 0;
            while (chosen < count) {
                int role = anyButAdministrator(random, specs.size());
                boolean repeated = false;
                for (int k = 0; k < chosen; k++) {
                    repeated |= picks[k] == role;
                }
                if (!repeated) {
                    picks[chosen++] = role;
                    w.userRole(user, copies[role][unit]);
                }
            }
        }

        UUID admin = users.get(Math.min(users.size() - 1, 2));
        for (int u = 0; u < units.size(); u++) {
            UUID team = w.team(new TeamSpec(
                    u == 0 ? "Contoso" : String.format("Division %02d", u),
                    0,
                    null,
                    true,
                    units.get(u),
                    admin,
                    null,
                    "Default team of the business unit.",
                    2));
            for (int i = 0; i < users.size(); i++) {
                if (unitOf[i] == u) {
                    w.membership(users.get(i), team);
                }
            }
        }
        List<UUID> ownerTeams = new ArrayList<>();
        int others = Math.max(0, p.teams() - units.size());
        long memberships = p.memberships();
        int humans = users.size() - 2;
        for (int t = 0; t < others; t++) {
            int kind = t % 20;
            int type = kind < 14 ? 0 : kind < 17 ? 1 : kind < 19 ? 2 : 3;
            int unit = random.nextInt(units.size());
            UUID team = w.team(new TeamSpec(
                    String.format("Team %04d", t + 1),
                    type,
                    type >= 2 ? 0 : null,
                    false,
                    units.get(unit),
                    users.get(2 + random.nextInt(humans)),
                    type >= 2 ? w.newId() : null,
                    null,
                    48 + t));
            if (type != 1) {
                ownerTeams.add(team);
                int role = anyButAdministrator(random, specs.size());
                w.teamRole(team, copies[role][unit]);
                if (random.nextInt(10) < 3 && specs.size() > 2) {
                    w.teamRole(team, copies[role % (specs.size() - 1) + 1][unit]);
                }
            }
            int count = (int) Math.min(humans, memberships * (t + 1) / others - memberships * t / others);
            Set<Integer> members = new HashSet<>();
            while (members.size() < count) {
                int member = 2 + random.nextInt(humans);
                if (members.add(member)) {
                    w.membership(users.get(member), team);
                }
            }
        }
        PrivilegeCatalogue catalogue = PrivilegeCatalogue.withCustomTables(p.customTables());
        new GeneratedSecurity(w, p, catalogue, units, parentUnit)
                .rolePrivileges(specs, copies)
                .dataStewards(users, unitOf)
                .profiles(users, ownerTeams);
        return w.build(connectorId, "9.2.24113.00182", catalogue);
    }

    /** A random role other than System Administrator (the first), unless it is the only one. */
    private static int anyButAdministrator(Random random, int roles) {
        return roles == 1 ? 0 : 1 + random.nextInt(roles - 1);
    }
}
