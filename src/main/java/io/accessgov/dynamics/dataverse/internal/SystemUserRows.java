package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.AccessMode;
import io.accessgov.dynamics.dataverse.SystemUser;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The {@code systemusers} columns the service reads, and their mapping to {@link SystemUser}. */
final class SystemUserRows {

    static final String ENTITY_SET = "systemusers";
    static final String ENTITY = "systemuser";

    static final List<String> COLUMNS = List.of(
            "systemuserid",
            "fullname",
            "firstname",
            "lastname",
            "domainname",
            "internalemailaddress",
            "isdisabled",
            "accessmode",
            "azureactivedirectoryobjectid",
            "applicationid",
            "_businessunitid_value",
            "islicensed",
            "issyncwithdirectory",
            "isintegrationuser",
            "azurestate",
            "systemmanagedusertype",
            "title",
            "createdon",
            "modifiedon");

    /** Columns some platform versions lack; queries fall back to reading without them. */
    static final Set<String> OPTIONAL =
            Set.of("applicationid", "azurestate", "systemmanagedusertype", "isintegrationuser", "issyncwithdirectory");

    private SystemUserRows() {}

    static SystemUser toUser(JsonNode row) {
        Integer accessMode = Rows.integer(row, "accessmode");
        Integer azureState = Rows.integer(row, "azurestate");
        return new SystemUser(
                Rows.requiredUuid(row, "systemuserid"),
                Rows.text(row, "fullname"),
                Rows.text(row, "firstname"),
                Rows.text(row, "lastname"),
                Rows.text(row, "domainname"),
                Rows.text(row, "internalemailaddress"),
                Rows.bool(row, "isdisabled", false),
                accessMode == null || accessMode < 0 || accessMode > 5
                        ? AccessMode.READ_WRITE
                        : AccessMode.of(accessMode),
                Rows.uuid(row, "azureactivedirectoryobjectid"),
                Rows.uuid(row, "applicationid"),
                Rows.requiredUuid(row, "_businessunitid_value"),
                Rows.formatted(row, "_businessunitid_value"),
                Rows.bool(row, "islicensed", false),
                Rows.bool(row, "issyncwithdirectory", false),
                Rows.bool(row, "isintegrationuser", false),
                azureState == null ? 0 : azureState,
                Rows.integer(row, "systemmanagedusertype"),
                Rows.text(row, "title"),
                Rows.instant(row, "createdon"),
                Rows.instant(row, "modifiedon"));
    }
}
