package io.accessgov.dynamics.simulator;

import io.accessgov.dynamics.simulator.SeedWriter.RoleSpec;
import io.accessgov.dynamics.simulator.SeedWriter.TeamSpec;
import io.accessgov.dynamics.simulator.SeedWriter.UserSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The demo organisation "Contoso": a business-unit tree, the out-of-box roles copied into every unit, teams of every
 * type, about fifty people and every kind of system account (docs/dataverse.md §1.2), and the privileges and field
 * security profiles of {@link DemoSecurity}. Deterministic.
 */
final class DemoOrganisation {

    private static final String[][] PEOPLE = {
        {"Megan", "Bowen", "IT", "IT Director"},
        {"Alex", "Wilber", "Sales", "Account Executive"},
        {"Adele", "Vance", "Sales", "Sales Manager"},
        {"Diego", "Siciliani", "Service", "Service Lead"},
        {"Grady", "Archie", "Finance", "Controller"},
        {"Henrietta", "Mueller", "Marketing", "Marketing Manager"},
        {"Isaiah", "Langer", "Sales Europe", "Account Executive"},
        {"Johanna", "Lorenz", "Sales Europe", "Sales Manager"},
        {"Joni", "Sherman", "Service", "Support Engineer"},
        {"Lee", "Gu", "IT", "Systems Engineer"},
        {"Lidia", "Holloway", "Sales North America", "Account Executive"},
        {"Lynne", "Robbins", "Marketing", "Content Strategist"},
        {"Miriam", "Graham", "Finance", "Accountant"},
        {"Nestor", "Wilke", "Service", "Support Engineer"},
        {"Patti", "Fernandez", "Contoso", "Chief Executive Officer"},
        {"Pradeep", "Gupta", "Sales North America", "Sales Manager"},
        {"Allan", "Deyoung", "Service", "Field Technician"},
        {"Christie", "Cline", "Marketing", "Campaign Manager"},
        {"Debra", "Berger", "Contoso", "Executive Assistant"},
        {"Enrico", "Cattaneo", "Sales Europe", "Inside Sales"},
        {"Emily", "Braun", "Finance", "Financial Analyst"},
        {"Irvin", "Sayers", "Service", "Service Dispatcher"},
        {"Brian", "Johnson", "Sales", "Account Executive"},
        {"Cameron", "White", "IT", "Power Platform Developer"},
        {"Delia", "Dennis", "Sales North America", "Inside Sales"},
        {"Gerhart", "Moller", "Sales Europe", "Account Executive"},
        {"Raul", "Razo", "Service", "Support Engineer"},
        {"Vanessa", "Ochoa", "Marketing", "Event Coordinator"},
        {"Zrinka", "Makovac", "Finance", "Payroll Specialist"},
        {"Alan", "O'Brien", "Sales", "Account Executive"},
        {"Bianca", "Pisani", "Sales Europe", "Account Manager"},
        {"Carlos", "Slattery", "Service", "Service Manager"},
        {"Dana", "Birkby", "IT", "Security Analyst"},
        {"Elvis", "Yang", "Sales North America", "Account Executive"},
        {"Faith", "Adeyemi", "Marketing", "Marketing Analyst"},
        {"Gabriel", "Nunez", "Finance", "Auditor"},
        {"Hannah", "Kowalski", "Service", "Support Engineer"},
        {"Ian", "MacLeod", "Sales", "Sales Operations"},
        {"Julia", "Szabo", "Contoso", "Legal Counsel"},
        {"Kenji", "Watanabe", "IT", "Database Administrator"},
        {"Laura", "Petersen", "Sales Europe", "Account Executive"},
        {"Mateo", "Rossi", "Service", "Field Technician"},
        {"Nadia", "Haddad", "Marketing", "Designer"},
        {"Oscar", "Lindqvist", "Legacy Operations", "Operations Analyst"},
        {"Priya", "Raman", "Sales North America", "Account Executive"},
        {"Quentin", "Dubois", "Finance", "Financial Analyst"},
        {"Rosa", "Jimenez", "Service", "Support Engineer"},
        {"Samuel", "Okafor", "Legacy Operations", "Operations Manager"},
    };

    private final SeedWriter w;
    private final Map<String, UUID> units = new LinkedHashMap<>();
    private final Map<UUID, UUID> parentUnit = new HashMap<>();
    private final Map<String, Map<UUID, UUID>> roles = new LinkedHashMap<>();
    private final Map<String, UUID> people = new LinkedHashMap<>();
    private final Map<UUID, UUID> unitOfUser = new LinkedHashMap<>();
    private final List<UUID> outsideTeams = new ArrayList<>();
    private final Map<String, UUID> entraObjectIds = new LinkedHashMap<>();

    private DemoOrganisation(SeedWriter writer) {
        this.w = writer;
    }

    static Organisation build(long seed, UUID connectorApplicationId) {
        return new DemoOrganisation(new SeedWriter(seed)).populate(connectorApplicationId);
    }

    /**
     * The Entra object id of each person of the demo organisation built from {@code seed}, by "First Last": a person
     * with an account in another demo environment (the sandbox) signs in there with the same Entra identity.
     */
    static Map<String, UUID> entraObjectIdsOfPeople(long seed) {
        DemoOrganisation demo = new DemoOrganisation(new SeedWriter(seed));
        demo.populate(UUID.randomUUID());
        return Map.copyOf(demo.entraObjectIds);
    }

    private Organisation populate(UUID connectorApplicationId) {
        unit("Contoso", null, false);
        unit("Sales", "Contoso", false);
        unit("Service", "Contoso", false);
        unit("Marketing", "Contoso", false);
        unit("Finance", "Contoso", false);
        unit("IT", "Contoso", false);
        unit("Legacy Operations", "Contoso", true);
        unit("Sales Europe", "Sales", false);
        unit("Sales North America", "Sales", false);
        for (RoleSpec spec : OutOfBoxRoles.specs(w)) {
            roles.put(spec.name(), w.roleInEveryUnit(spec, List.copyOf(units.values()), parentUnit));
        }
        UUID root = units.get("Contoso");

        UUID system = account(special(null, "SYSTEM", "", root));
        UUID integration = account(special(null, "INTEGRATION", "", root));
        outsideTeams.add(system);
        outsideTeams.add(integration);

        int hour = 10;
        for (String[] person : PEOPLE) {
            UserSpec spec = human(person[0], person[1], units.get(person[2]), person[3], hour++);
            people.put(person[0] + " " + person[1], account(spec));
        }
        UUID megan = people.get("Megan Bowen");

        UserSpec departed = human("Thomas", "Becker", units.get("Sales"), "Account Executive", hour++);
        departed.disabled = true;
        departed.azureState = 1;
        departed.licensed = false;
        people.put("Thomas Becker", account(departed));
        UserSpec leaver = human("Wanda", "Nowak", units.get("Service"), "Support Engineer", hour++);
        leaver.disabled = true;
        leaver.disabledReason = "User is unlicensed in Microsoft 365";
        leaver.licensed = false;
        people.put("Wanda Nowak", account(leaver));
        UserSpec globalAdmin = human("Grace", "Okonkwo", root, "Microsoft 365 Global Administrator", hour++);
        globalAdmin.accessMode = 1;
        globalAdmin.licensed = false;
        people.put("Grace Okonkwo", account(globalAdmin));
        UserSpec auditor = human("Viktor", "Horvat", units.get("Finance"), "External Auditor", hour++);
        auditor.accessMode = 2;
        people.put("Viktor Horvat", account(auditor));

        UserSpec support = special(null, "Support User", "crmoln@microsoft.com", root);
        support.accessMode = 3;
        UUID supportUser = account(support);
        UserSpec delegated = special("Delegated", "Admin", "crmoln2@microsoft.com", root);
        delegated.accessMode = 5;
        UUID delegatedAdmin = account(delegated);

        List<UUID> platformApps = new ArrayList<>();
        for (String name : List.of(
                "bap_sa@microsoft.com",
                "capam@microsoft.com",
                "Pacheckerapp@microsoft.com",
                "CAPPackageDeployerServiceDVClient@onmicrosoft.com",
                "PowerPlatformAuthorization@onmicrosoft.com")) {
            platformApps.add(account(application(name.substring(0, name.indexOf('@')), name, root, w.newId())));
        }
        UUID hrSync = account(application("Contoso HR Sync", "hrsync@contoso.com", root, w.newId()));
        UUID connector = account(application(
                "Access Governance Connector", "accessgov-connector@contoso.com", root, connectorApplicationId));
        UserSpec reporting = special("Reporting", "Service", "reporting.service@contoso.com", units.get("IT"));
        reporting.accessMode = 4;
        reporting.entraObjectId = w.newId();
        UUID nonInteractive = account(reporting);
        UserSpec erp = special("ERP", "Integration", "erp.integration@contoso.com", units.get("Finance"));
        erp.integrationUser = true;
        erp.entraObjectId = w.newId();
        UUID erpUser = account(erp);
        UserSpec stub = special("Imported", "Placeholder", "legacy.import@contoso.com", units.get("Legacy Operations"));
        stub.managedType = 2;
        stub.syncWithDirectory = false;
        account(stub);

        // Direct role assignments: always the copy in the user's own business unit.
        grant(megan, "System Administrator");
        grant(people.get("Patti Fernandez"), "System Administrator");
        grant(delegatedAdmin, "System Administrator");
        grant(supportUser, "Support User");
        for (UUID app : platformApps) {
            grant(app, "System Administrator");
        }
        grant(hrSync, "Service Writer");
        grant(connector, "System Administrator");
        grant(nonInteractive, "Service Reader");
        grant(erpUser, "Basic User");
        grant(erpUser, "Service Writer");
        for (Map.Entry<String, UUID> person : people.entrySet()) {
            UUID user = person.getValue();
            if (user.equals(megan) || person.getKey().equals("Grace Okonkwo")) {
                continue;
            }
            grant(user, "Basic User");
            String unit = unitName(unitOfUser.get(user));
            switch (unit) {
                case "Sales", "Sales Europe", "Sales North America" -> grant(user, "Salesperson");
                case "Service" -> grant(user, "Customer Service Representative");
                case "IT" -> grant(user, "Environment Maker");
                default -> {}
            }
        }
        grant(people.get("Lee Gu"), "System Customizer");
        grant(people.get("Gabriel Nunez"), "Contoso Auditor");
        grant(people.get("Debra Berger"), "Delegate");

        // Default teams: one per unit, named after it, holding every account of the unit.
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
                if (userUnit.equals(unit.getValue()) && !outsideTeams.contains(user)) {
                    w.membership(user, team);
                }
            });
        }
        UUID sales = units.get("Sales");
        UUID salesLeadership = w.team(new TeamSpec(
                "Sales Leadership",
                0,
                null,
                false,
                sales,
                people.get("Adele Vance"),
                null,
                "Sales managers across regions.",
                40));
        teamRole(salesLeadership, "Salesperson", sales);
        teamRole(salesLeadership, "Sales Manager", sales);
        members(salesLeadership, "Alex Wilber", "Adele Vance", "Johanna Lorenz", "Pradeep Gupta", "Ian MacLeod");

        UUID entraSales = w.team(new TeamSpec(
                "Dynamics Sales Users",
                2,
                0,
                false,
                sales,
                megan,
                w.newId(),
                "Entra security group sg-dynamics-sales.",
                41));
        teamRole(entraSales, "Salesperson", sales);
        members(entraSales, "Alex Wilber", "Brian Johnson", "Alan O'Brien", "Thomas Becker");

        UUID marketing = units.get("Marketing");
        UUID m365 = w.team(new TeamSpec(
                "Marketing Team",
                3,
                1,
                false,
                marketing,
                people.get("Henrietta Mueller"),
                w.newId(),
                "Microsoft 365 group marketing@contoso.com.",
                42));
        teamRole(m365, "Marketing Professional", marketing);
        members(m365, "Henrietta Mueller", "Lynne Robbins", "Christie Cline", "Vanessa Ochoa", "Faith Adeyemi");

        UUID service = units.get("Service");
        UUID escalations = w.team(new TeamSpec(
                "Service Escalations",
                0,
                null,
                false,
                service,
                people.get("Carlos Slattery"),
                null,
                "Second-line support.",
                43));
        teamRole(escalations, "Customer Service Representative", service);
        members(escalations, "Diego Siciliani", "Carlos Slattery", "Joni Sherman", "Hannah Kowalski");

        UUID finance = units.get("Finance");
        UUID approvers = w.team(new TeamSpec(
                "Finance Approvers",
                0,
                null,
                false,
                finance,
                people.get("Grady Archie"),
                null,
                "Approves invoices above the limit.",
                44));
        teamRole(approvers, "Contoso Auditor", finance);
        members(approvers, "Grady Archie", "Miriam Graham", "Gabriel Nunez");

        UUID keyAccounts = w.team(new TeamSpec(
                "Key Account Collaboration",
                1,
                null,
                false,
                sales,
                people.get("Adele Vance"),
                null,
                "Access team for strategic accounts.",
                45));
        members(keyAccounts, "Alex Wilber", "Isaiah Langer", "Lidia Holloway", "Diego Siciliani");
        UUID phoenix = w.team(new TeamSpec(
                "Project Phoenix", 1, null, false, root, megan, null, "Access team for the ERP migration.", 46));
        members(phoenix, "Lee Gu", "Cameron White", "Grady Archie", "Kenji Watanabe");

        UUID itSecurity = w.team(new TeamSpec(
                "IT Security",
                2,
                1,
                false,
                units.get("IT"),
                megan,
                w.newId(),
                "Entra security group sg-it-security.",
                47));
        teamRole(itSecurity, "System Customizer", units.get("IT"));
        members(itSecurity, "Dana Birkby", "Lee Gu");

        PrivilegeCatalogue catalogue = PrivilegeCatalogue.standard();
        DemoSecurity security = new DemoSecurity(w, catalogue, roles, units, people);
        security.rolePrivileges();
        security.dataStewards(List.copyOf(units.values()), parentUnit);
        security.profiles(escalations, approvers, entraSales);
        return w.build(connector, "9.2.24113.00182", catalogue);
    }

    private void unit(String name, @Nullable String parent, boolean disabled) {
        UUID parentId = parent == null ? null : units.get(parent);
        UUID id = w.businessUnit(name, parentId, disabled, units.size());
        units.put(name, id);
        if (parentId != null) {
            parentUnit.put(id, parentId);
        }
    }

    private String unitName(UUID id) {
        return units.entrySet().stream()
                .filter(e -> e.getValue().equals(id))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    private UserSpec human(String first, String last, UUID unit, String title, int hour) {
        String upn = (first + "." + last).toLowerCase().replace("'", "") + "@contoso.com";
        UserSpec spec = new UserSpec(first, last, upn, unit);
        spec.entraObjectId = w.newId();
        entraObjectIds.put(first + " " + last, spec.entraObjectId);
        spec.title = title;
        spec.offsetHours = hour;
        return spec;
    }

    private UserSpec special(@Nullable String first, String last, String domain, UUID unit) {
        UserSpec spec = new UserSpec(first, last, domain, unit);
        spec.email = domain.isEmpty() ? null : domain;
        spec.licensed = false;
        spec.syncWithDirectory = !domain.isEmpty();
        spec.entraObjectId = domain.isEmpty() ? null : w.newId();
        return spec;
    }

    private UserSpec application(String name, String domain, UUID unit, UUID applicationId) {
        UserSpec spec = special("#", name, domain, unit);
        spec.accessMode = 4;
        spec.applicationId = applicationId;
        spec.email = null;
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

    private void teamRole(UUID team, String role, UUID teamUnit) {
        w.teamRole(team, roles.get(role).get(teamUnit));
    }

    private void members(UUID team, String... names) {
        for (String name : names) {
            w.membership(people.get(name), team);
        }
    }
}
