package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb.APPEND;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb.APPEND_TO;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb.ASSIGN;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb.CREATE;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb.DELETE;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb.READ;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb.SHARE;
import static io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb.WRITE;

import io.accessgov.dynamics.simulator.PrivilegeCatalogue.Privilege;
import io.accessgov.dynamics.simulator.PrivilegeCatalogue.Verb;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Plausible privilege sets for the out-of-box roles (System Administrator: everything at Global; Salesperson: the
 * sales tables for their own records; Support User: reading the organisation's structure, no customer data; …) and
 * random ones for generated custom roles. Depths are privilegedepthmask values: 1 Basic, 2 Local, 4 Deep, 8 Global.
 * Only System Administrator and Data Steward delete accounts at Global depth, so a seed decides exactly who can.
 */
final class RolePrivilegeSets {

    static final String DATA_STEWARD = "Data Steward";

    private static final List<Verb> OWN = List.of(CREATE, READ, WRITE, DELETE, APPEND, APPEND_TO, ASSIGN, SHARE);
    private static final List<Verb> WORK = List.of(CREATE, READ, WRITE, APPEND, APPEND_TO, SHARE);
    private static final List<String> SALES =
            List.of("account", "contact", "lead", "opportunity", "quote", "salesorder", "invoice");
    private static final List<String> ORGANISATION = List.of("systemuser", "team", "businessunit", "role");
    private static final Set<String> EVERYDAY =
            Set.of("prvExportToExcel", "prvGoMobile", "prvPrint", "prvSyncToOutlook", "prvUseTabletApp");

    private final PrivilegeCatalogue catalogue;
    private final Map<Privilege, Integer> depths = new LinkedHashMap<>();

    private RolePrivilegeSets(PrivilegeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * The privileges of a role by its name, with their depths; a name the catalogue of roles does not know gets a
     * random set of 400 to 650 privileges (never a delete at Global depth) drawn from {@code random}.
     */
    static Map<Privilege, Integer> of(String roleName, PrivilegeCatalogue catalogue, Random random) {
        RolePrivilegeSets set = new RolePrivilegeSets(catalogue);
        switch (roleName) {
            case "System Administrator" -> catalogue.privileges().forEach(p -> set.depths.put(p, 8));
            case "System Customizer" -> {
                set.everyTable(List.of(READ), 8);
                set.tables(List.of("account", "contact", "activitypointer", "annotation"), WORK, 1);
                set.misc(8, "prvExportToExcel", "prvPublishDuplicateRule", "prvWorkflowExecution", "prvFlow");
            }
            case "Basic User" -> {
                set.tables(List.of("account", "contact", "activitypointer", "annotation", "connection"), OWN, 1);
                set.tables(ORGANISATION, List.of(READ), 8);
                set.tables(List.of("product", "knowledgearticle"), List.of(READ), 8);
                EVERYDAY.forEach(name -> set.misc(8, name));
            }
            case "Salesperson" -> {
                set.tables(SALES, WORK, 1);
                set.tables(List.of("account", "contact"), List.of(READ), 2);
                set.tables(List.of("product"), List.of(READ), 8);
                set.misc(8, "prvExportToExcel", "prvMailMerge");
            }
            case "Sales Manager" -> {
                set.tables(SALES, OWN, 2);
                set.tables(SALES, List.of(READ), 4);
                set.tables(List.of("goal"), OWN, 2);
                set.misc(8, "prvExportToExcel", "prvMerge");
            }
            case "Customer Service Representative" -> {
                set.tables(List.of("incident", "activitypointer", "annotation", "queue"), WORK, 1);
                set.tables(List.of("account", "contact", "incident"), List.of(READ), 2);
                set.tables(List.of("knowledgearticle"), List.of(READ), 8);
            }
            case "Marketing Professional" -> {
                set.tables(List.of("campaign", "list", "lead", "contact"), OWN, 2);
                set.misc(8, "prvAllowQuickCampaign", "prvExportToExcel");
            }
            case "Delegate" -> set.misc(8, "prvActOnBehalfOfAnotherUser");
            case "Support User" -> set.tables(ORGANISATION, List.of(READ), 8);
            case "Environment Maker" -> {
                set.tables(List.of("systemuser"), List.of(READ), 8);
                set.misc(8, "prvFlow", "prvWorkflowExecution");
            }
            case "Service Reader" -> set.everyTable(List.of(READ), 8);
            case "Service Writer" -> set.everyTable(List.of(CREATE, READ, WRITE, APPEND, APPEND_TO), 8);
            case "Office Collaborator" -> set.everyTable(List.of(READ), 1);
            case "Contoso Auditor" -> {
                set.tables(SALES, List.of(READ), 8);
                set.misc(8, "prvReadAuditSummary", "prvReadAuditPartitions", "prvExportToExcel");
            }
            case DATA_STEWARD -> {
                set.tables(List.of("account", "contact"), List.of(READ, WRITE, DELETE), 8);
                set.misc(8, "prvMerge", "prvBulkDelete");
            }
            default -> set.random(random);
        }
        return set.depths;
    }

    private void everyTable(List<Verb> verbs, int depth) {
        for (Privilege privilege : catalogue.privileges()) {
            if (privilege.verb() != null && verbs.contains(privilege.verb())) {
                put(privilege, depth);
            }
        }
    }

    private void tables(List<String> tables, List<Verb> verbs, int depth) {
        for (Privilege privilege : catalogue.privileges()) {
            if (privilege.table() != null && tables.contains(privilege.table()) && verbs.contains(privilege.verb())) {
                put(privilege, depth);
            }
        }
    }

    private void misc(int depth, String... names) {
        for (String name : names) {
            put(catalogue.privilege(name), depth);
        }
    }

    private void random(Random random) {
        List<Privilege> all = new ArrayList<>(catalogue.privileges());
        Collections.shuffle(all, random);
        int count = Math.min(all.size(), 400 + random.nextInt(251));
        for (Privilege privilege : all.subList(0, count)) {
            int depth = 1 << random.nextInt(4);
            if (privilege.verb() != DELETE) {
                put(privilege, depth);
            } else if (privilege.allows(4)) {
                put(privilege, Math.min(depth, 4));
            }
        }
    }

    /** Holds the privilege at the depth asked for or, when it cannot be held there, at the next one it can. */
    private void put(Privilege privilege, int depth) {
        for (int d = depth; d <= 8; d <<= 1) {
            if (privilege.allows(d)) {
                depths.merge(privilege, d, Math::max);
                return;
            }
        }
        for (int d = depth >> 1; d >= 1; d >>= 1) {
            if (privilege.allows(d)) {
                depths.merge(privilege, d, Math::max);
                return;
            }
        }
    }
}
