package io.accessgov.dynamics.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The tables an organisation's metadata describes and the privileges that exist (docs/dataverse.md §14): for each
 * table its logical, schema and entity set names and the privileges it owns; besides them the privileges that are no
 * table's right ({@code prvExportToExcel} and the like). Privilege names are Dataverse's out-of-box names,
 * {@code prv<Verb><Stem>}, where the stem is not always the table's schema name ({@code prvReadUser} belongs to
 * {@code systemuser}, {@code prvReadNote} to {@code annotation}, {@code prvReadActivity} to {@code activitypointer},
 * {@code prvReadOrder} to {@code salesorder}). Privilege and table ids are derived from their names, so they are the
 * same in every organisation, as Dataverse's out-of-box ids are.
 */
final class PrivilegeCatalogue {

    /** A table right: the verb in the privilege name, the AccessRights bit, the metadata's PrivilegeType. */
    enum Verb {
        CREATE("Create", 32),
        READ("Read", 1),
        WRITE("Write", 2),
        DELETE("Delete", 65_536),
        APPEND("Append", 4),
        APPEND_TO("AppendTo", 16),
        ASSIGN("Assign", 524_288),
        SHARE("Share", 262_144);

        private final String text;
        private final int accessRight;

        Verb(String text, int accessRight) {
            this.text = text;
            this.accessRight = accessRight;
        }

        String text() {
            return text;
        }

        int accessRight() {
            return accessRight;
        }
    }

    /** Who owns a table's records; it decides the depths its privileges can be held at. */
    enum Ownership {
        USER,
        BUSINESS_UNIT,
        ORGANIZATION,
        NONE
    }

    /**
     * One table of the metadata.
     *
     * @param stem the part of its privilege names after the verb; null when it owns no privileges
     * @param verbs the rights it has privileges for
     * @param tracked whether change tracking is on by default ({@link Behaviour#changeTracking})
     * @param activity whether it is an activity type, which shares the privileges of {@code activitypointer}
     */
    record TableInfo(
            UUID metadataId,
            String logicalName,
            String schemaName,
            String entitySetName,
            String primaryId,
            @Nullable String primaryName,
            boolean intersect,
            boolean custom,
            Ownership ownership,
            @Nullable String stem,
            List<Verb> verbs,
            boolean tracked,
            boolean activity) {}

    /**
     * One privilege.
     *
     * @param table the logical name of the table it belongs to; null for privileges that are no table's right
     * @param verb the right it grants on that table; null for the others
     */
    record Privilege(
            UUID id,
            String name,
            @Nullable String table,
            @Nullable Verb verb,
            boolean basic,
            boolean local,
            boolean deep,
            boolean global) {

        int accessRight() {
            return verb == null ? 0 : verb.accessRight();
        }

        String privilegeType() {
            return verb == null ? "None" : verb.text();
        }

        /** Whether the privilege can be held at this depth (1, 2, 4 or 8). */
        boolean allows(int depth) {
            return switch (depth) {
                case 1 -> basic;
                case 2 -> local;
                case 4 -> deep;
                case 8 -> global;
                default -> false;
            };
        }
    }

    private static final List<Verb> ALL = List.of(Verb.values());
    private static final List<Verb> ORG_VERBS =
            List.of(Verb.CREATE, Verb.READ, Verb.WRITE, Verb.DELETE, Verb.APPEND, Verb.APPEND_TO);

    /** Privileges that are no table's right, each with whether it can also be held at Basic depth. */
    private static final Object[][] MISCELLANEOUS = {
        {"prvExportToExcel", false},
        {"prvBulkDelete", false},
        {"prvReadAuditSummary", false},
        {"prvReadAuditPartitions", false},
        {"prvDeleteAuditPartitions", false},
        {"prvMerge", false},
        {"prvGoOffline", false},
        {"prvGoMobile", false},
        {"prvMailMerge", false},
        {"prvPrint", false},
        {"prvSyncToOutlook", false},
        {"prvUseTabletApp", false},
        {"prvDocumentGeneration", false},
        {"prvActOnBehalfOfAnotherUser", false},
        {"prvReparentUser", false},
        {"prvReparentTeam", false},
        {"prvReparentBusinessUnit", false},
        {"prvDisableBusinessUnit", false},
        {"prvPublishDuplicateRule", false},
        {"prvAllowQuickCampaign", false},
        {"prvPublishKnowledgeArticle", false},
        {"prvApproveKnowledgeArticle", false},
        {"prvFlow", false},
        {"prvWorkflowExecution", false},
        {"prvActivateBusinessProcessFlow", false},
        {"prvActivateSynchronousWorkflow", true},
    };

    private final List<TableInfo> tables;
    private final Map<String, Privilege> privileges;
    private final Map<UUID, Privilege> byId;

    private PrivilegeCatalogue(List<TableInfo> tables) {
        this.tables = List.copyOf(tables);
        Map<String, Privilege> named = new LinkedHashMap<>();
        for (TableInfo table : tables) {
            if (table.stem() != null) {
                for (Verb verb : table.verbs()) {
                    Privilege privilege = tablePrivilege(table, verb);
                    named.put(privilege.name(), privilege);
                }
            }
        }
        for (Object[] misc : MISCELLANEOUS) {
            String name = (String) misc[0];
            named.put(
                    name,
                    new Privilege(id("privilege", name), name, null, null, (Boolean) misc[1], false, false, true));
        }
        this.privileges = Collections.unmodifiableMap(named);
        Map<UUID, Privilege> ids = new LinkedHashMap<>();
        named.values().forEach(p -> ids.put(p.id(), p));
        this.byId = Collections.unmodifiableMap(ids);
    }

    /** The out-of-box tables (the simulated ones and the common business tables) and their privileges. */
    static PrivilegeCatalogue standard() {
        return withCustomTables(0);
    }

    /** The out-of-box tables plus {@code count} custom, user-owned tables ({@code cr6a1_table001} …). */
    static PrivilegeCatalogue withCustomTables(int count) {
        List<TableInfo> tables = new ArrayList<>(StandardTables.ALL);
        for (int i = 1; i <= count; i++) {
            String logical = String.format("cr6a1_table%03d", i);
            tables.add(table(
                    logical,
                    String.format("cr6a1_Table%03d", i),
                    logical + "s",
                    logical + "id",
                    "cr6a1_name",
                    false,
                    true,
                    Ownership.USER,
                    String.format("cr6a1_Table%03d", i),
                    ALL,
                    false,
                    false));
        }
        return new PrivilegeCatalogue(tables);
    }

    static TableInfo table(
            String logicalName,
            String schemaName,
            String entitySetName,
            String primaryId,
            @Nullable String primaryName,
            boolean intersect,
            boolean custom,
            Ownership ownership,
            @Nullable String stem,
            List<Verb> verbs,
            boolean tracked,
            boolean activity) {
        return new TableInfo(
                id("entity", logicalName),
                logicalName,
                schemaName,
                entitySetName,
                primaryId,
                primaryName,
                intersect,
                custom,
                ownership,
                stem,
                verbs,
                tracked,
                activity);
    }

    static List<Verb> allVerbs() {
        return ALL;
    }

    static List<Verb> organizationVerbs() {
        return ORG_VERBS;
    }

    private static Privilege tablePrivilege(TableInfo table, Verb verb) {
        String name = "prv" + verb.text() + table.stem();
        return switch (table.ownership()) {
            case USER -> new Privilege(id("privilege", name), name, table.logicalName(), verb, true, true, true, true);
            case BUSINESS_UNIT ->
                new Privilege(id("privilege", name), name, table.logicalName(), verb, false, true, true, true);
            default -> new Privilege(id("privilege", name), name, table.logicalName(), verb, false, false, false, true);
        };
    }

    private static UUID id(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8));
    }

    List<TableInfo> tables() {
        return tables;
    }

    /** Every privilege, table privileges first (in table order), then the others. */
    List<Privilege> privileges() {
        return List.copyOf(privileges.values());
    }

    Privilege privilege(String name) {
        Privilege privilege = privileges.get(name);
        if (privilege == null) {
            throw new IllegalArgumentException("no privilege named " + name);
        }
        return privilege;
    }

    @Nullable
    Privilege privilege(UUID id) {
        return byId.get(id);
    }

    /** The privileges a table's metadata lists: its own, or for an activity type those of activitypointer. */
    List<Privilege> privilegesOf(TableInfo table, boolean activityTablesShare) {
        String owner = table.activity() && activityTablesShare ? "activitypointer" : table.logicalName();
        List<Privilege> owned = new ArrayList<>();
        for (Privilege privilege : privileges.values()) {
            if (owner.equals(privilege.table())) {
                owned.add(privilege);
            }
        }
        return owned;
    }

    @Nullable
    TableInfo table(String logicalName) {
        for (TableInfo table : tables) {
            if (table.logicalName().equals(logicalName)) {
                return table;
            }
        }
        return null;
    }
}
