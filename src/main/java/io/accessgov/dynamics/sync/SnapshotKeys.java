package io.accessgov.dynamics.sync;

/**
 * The canonical sort keys of snapshot lines: the kind's rank, then a stable key within the kind. Ids are
 * lower-case GUIDs of fixed length, so string order is GUID order. Grants are ordered by principal, then grant id,
 * so that they can be written as they are assembled, one principal at a time.
 */
final class SnapshotKeys {

    private SnapshotKeys() {}

    static String businessUnit(String id) {
        return "0|" + id;
    }

    static String account(String id) {
        return "1|" + id;
    }

    static String role(String id) {
        return "2|" + id;
    }

    static String team(String id) {
        return "3|" + id;
    }

    static String grantOfAccount(String accountId, String grantId) {
        return "4|a|" + accountId + "|" + grantId;
    }

    static String grantOfTeam(String teamId, String grantId) {
        return "4|t|" + teamId + "|" + grantId;
    }

    /** A logical role's privilege: its id is {@code {roleId}:{privilegeId}}. */
    static String rolePrivilege(String roleId, String privilegeId) {
        return "5|" + roleId + ":" + privilegeId;
    }

    static String fieldSecurityProfile(String id) {
        return "6|" + id;
    }
}
