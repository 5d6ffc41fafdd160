package io.accessgov.dynamics.endtoend;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The contract's account classification (§3), written a second time, straight from the raw Dataverse columns the
 * simulator holds, so end-to-end tests do not trust the production rule to check itself.
 */
final class ExpectedAccounts {

    private ExpectedAccounts() {}

    static String typeOf(Map<String, Object> row, Set<UUID> platformApplicationIds) {
        String fullName = (String) row.get("fullname");
        String userName = ((String) row.getOrDefault("domainname", "")).toLowerCase(Locale.ROOT);
        Object applicationId = row.get("applicationid");
        int accessMode = ((Number) row.get("accessmode")).intValue();
        Object stub = row.get("systemmanagedusertype");
        boolean builtIn = ("SYSTEM".equals(fullName) || "INTEGRATION".equals(fullName))
                && row.get("azureactivedirectoryobjectid") == null;
        String domain = userName.substring(userName.indexOf('@') + 1);
        boolean platformApp = applicationId != null
                && (domain.equals("microsoft.com")
                        || domain.equals("onmicrosoft.com")
                        || platformApplicationIds.contains(UUID.fromString(applicationId.toString())));
        if (builtIn
                || accessMode == 3
                || accessMode == 5
                || (stub != null && ((Number) stub).intValue() == 2)
                || platformApp) {
            return "SYSTEM";
        }
        if (applicationId != null || accessMode == 4 || Boolean.TRUE.equals(row.get("isintegrationuser"))) {
            return "SERVICE";
        }
        return "HUMAN";
    }
}
