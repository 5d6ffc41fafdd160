package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Ownership.BUSINESS_UNIT;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Ownership.NONE;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Ownership.ORGANIZATION;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Ownership.USER;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb.APPEND;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb.APPEND_TO;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb.ASSIGN;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb.CREATE;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb.DELETE;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb.READ;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb.WRITE;

import io.accessgov.dynamics.simulator.PrivilegeCatalogue.Ownership;
import io.accessgov.dynamics.simulator.PrivilegeCatalogue.TableInfo;
import io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The out-of-box tables of the metadata: the thirteen the simulator serves rows of, and common business tables whose
 * rows it does not serve but whose privileges roles hold. Change tracking is on by default where one real
 * organisation's metadata shows it (docs/dataverse.md §12, §17); for the field security tables and privileges no
 * source says, and it is off.
 */
final class StandardTables {

    private static final List<Verb> NO_VERBS = List.of();

    static final List<TableInfo> ALL = List.of(
            // the simulated tables
            table(
                    "systemuser",
                    "SystemUser",
                    "systemusers",
                    "fullname",
                    BUSINESS_UNIT,
                    "User",
                    List.of(CREATE, READ, WRITE, APPEND, APPEND_TO),
                    true),
            table(
                    "team",
                    "Team",
                    "teams",
                    "name",
                    BUSINESS_UNIT,
                    "Team",
                    List.of(CREATE, READ, WRITE, DELETE, APPEND, APPEND_TO),
                    true),
            table(
                    "role",
                    "Role",
                    "roles",
                    "name",
                    BUSINESS_UNIT,
                    "Role",
                    List.of(CREATE, READ, WRITE, DELETE, ASSIGN, APPEND_TO),
                    true),
            table(
                    "businessunit",
                    "BusinessUnit",
                    "businessunits",
                    "name",
                    BUSINESS_UNIT,
                    "BusinessUnit",
                    List.of(CREATE, READ, WRITE, DELETE, APPEND, APPEND_TO),
                    true),
            table("privilege", "Privilege", "privileges", "name", NONE, null, NO_VERBS, false),
            intersect("roleprivileges", "RolePrivileges", "roleprivilegescollection", true),
            intersect("systemuserroles", "SystemUserRoles", "systemuserrolescollection", true),
            intersect("teammembership", "TeamMembership", "teammemberships", true),
            intersect("teamroles", "TeamRoles", "teamrolescollection", true),
            table(
                    "fieldsecurityprofile",
                    "FieldSecurityProfile",
                    "fieldsecurityprofiles",
                    "name",
                    ORGANIZATION,
                    "FieldSecurityProfile",
                    List.of(CREATE, READ, WRITE, DELETE),
                    false),
            table("fieldpermission", "FieldPermission", "fieldpermissions", null, ORGANIZATION, null, NO_VERBS, false),
            intersect("systemuserprofiles", "SystemUserProfiles", "systemuserprofilescollection", false),
            intersect("teamprofiles", "TeamProfiles", "teamprofilescollection", false),
            // business tables: metadata and privileges only
            user("account", "Account", "accounts", "name", "Account", true),
            user("contact", "Contact", "contacts", "fullname", "Contact", true),
            user("lead", "Lead", "leads", "fullname", "Lead", true),
            user("opportunity", "Opportunity", "opportunities", "name", "Opportunity", true),
            user("incident", "Incident", "incidents", "title", "Incident", false),
            user("invoice", "Invoice", "invoices", "name", "Invoice", false),
            user("quote", "Quote", "quotes", "name", "Quote", false),
            user("salesorder", "SalesOrder", "salesorders", "name", "Order", false),
            user("contract", "Contract", "contracts", "title", "Contract", false),
            user("campaign", "Campaign", "campaigns", "name", "Campaign", false),
            user("list", "List", "lists", "listname", "List", false),
            user("connection", "Connection", "connections", "name", "Connection", false),
            user("goal", "Goal", "goals", "title", "Goal", false),
            user("queue", "Queue", "queues", "name", "Queue", false),
            user("template", "Template", "templates", "title", "EmailTemplate", false),
            user("report", "Report", "reports", "name", "Report", false),
            user("annotation", "Annotation", "annotations", "subject", "Note", false),
            PrivilegeCatalogue.table(
                    "activitypointer",
                    "ActivityPointer",
                    "activitypointers",
                    "activityid",
                    "subject",
                    false,
                    false,
                    USER,
                    "Activity",
                    PrivilegeCatalogue.allVerbs(),
                    false,
                    false),
            activity("email", "Email", "emails"),
            activity("task", "Task", "tasks"),
            activity("phonecall", "PhoneCall", "phonecalls"),
            activity("appointment", "Appointment", "appointments"),
            table(
                    "product",
                    "Product",
                    "products",
                    "name",
                    ORGANIZATION,
                    "Product",
                    PrivilegeCatalogue.organizationVerbs(),
                    false),
            table(
                    "knowledgearticle",
                    "KnowledgeArticle",
                    "knowledgearticles",
                    "title",
                    ORGANIZATION,
                    "KnowledgeArticle",
                    PrivilegeCatalogue.organizationVerbs(),
                    false));

    private StandardTables() {}

    private static TableInfo table(
            String logical,
            String schema,
            String set,
            @Nullable String primaryName,
            Ownership ownership,
            @Nullable String stem,
            List<Verb> verbs,
            boolean tracked) {
        return PrivilegeCatalogue.table(
                logical,
                schema,
                set,
                logical + "id",
                primaryName,
                false,
                false,
                ownership,
                stem,
                verbs,
                tracked,
                false);
    }

    private static TableInfo user(
            String logical, String schema, String set, String primaryName, String stem, boolean tracked) {
        return PrivilegeCatalogue.table(
                logical,
                schema,
                set,
                logical + "id",
                primaryName,
                false,
                false,
                USER,
                stem,
                PrivilegeCatalogue.allVerbs(),
                tracked,
                false);
    }

    private static TableInfo activity(String logical, String schema, String set) {
        return PrivilegeCatalogue.table(
                logical, schema, set, "activityid", "subject", false, false, USER, null, NO_VERBS, false, true);
    }

    private static TableInfo intersect(String logical, String schema, String set, boolean tracked) {
        String key =
                switch (logical) {
                    case "systemuserroles" -> "systemuserroleid";
                    case "teamroles" -> "teamroleid";
                    case "roleprivileges" -> "roleprivilegeid";
                    case "systemuserprofiles" -> "systemuserprofileid";
                    case "teamprofiles" -> "teamprofileid";
                    default -> logical + "id";
                };
        return PrivilegeCatalogue.table(
                logical, schema, set, key, null, true, false, NONE, null, NO_VERBS, tracked, false);
    }
}
