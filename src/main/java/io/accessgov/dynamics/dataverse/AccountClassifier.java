package io.accessgov.dynamics.dataverse;

import static io.accessgov.dynamics.dataverse.internal.ODataFilter.and;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.endsWith;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.eq;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.in;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.isNotNull;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.isNull;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.negate;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.or;

import io.accessgov.dynamics.dataverse.internal.ODataFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The HUMAN / SERVICE / SYSTEM rule of docs/api.md §3, written once and offered twice: as a Java function on a
 * {@link SystemUser} and as the equivalent Dataverse filter, so that lists filtered by Dataverse and single records
 * classified here always agree.
 *
 * <ul>
 *   <li>SYSTEM: the built-in SYSTEM and INTEGRATION users (that name and no Entra object id), the support user
 *       (access mode 3), the delegated admin (access mode 5), stub users (systemmanagedusertype 2), and Microsoft's
 *       platform application users: an application id and a user name whose domain is exactly {@code microsoft.com}
 *       or {@code onmicrosoft.com}, or an application id listed in {@code dynamics.platform-application-ids}.
 *   <li>SERVICE: not SYSTEM, and an application user, a non-interactive user (access mode 4) or in integration mode.
 *   <li>HUMAN: everyone else.
 * </ul>
 */
public final class AccountClassifier {

    private static final Set<String> BUILT_IN_NAMES = Set.of("system", "integration");
    private static final List<String> PLATFORM_DOMAINS = List.of("@microsoft.com", "@onmicrosoft.com");

    private final Set<UUID> platformApplicationIds;

    public AccountClassifier(Set<UUID> platformApplicationIds) {
        this.platformApplicationIds = Set.copyOf(platformApplicationIds);
    }

    /** The account type of {@code user}. */
    public AccountType classify(SystemUser user) {
        if (isSystem(user)) {
            return AccountType.SYSTEM;
        }
        if (user.applicationId() != null || user.accessMode() == AccessMode.NON_INTERACTIVE || user.integrationUser()) {
            return AccountType.SERVICE;
        }
        return AccountType.HUMAN;
    }

    /** Whether Microsoft manages this account: it is never provisioned or revoked by this service. */
    public boolean isPlatformManaged(SystemUser user) {
        return isSystem(user);
    }

    private boolean isSystem(SystemUser user) {
        String name = user.fullName() == null ? null : user.fullName().toLowerCase(Locale.ROOT);
        if (name != null && BUILT_IN_NAMES.contains(name) && user.entraObjectId() == null) {
            return true;
        }
        if (user.accessMode() == AccessMode.SUPPORT_USER || user.accessMode() == AccessMode.DELEGATED_ADMIN) {
            return true;
        }
        if (user.systemManagedUserType() != null && user.systemManagedUserType() == 2) {
            return true;
        }
        if (user.applicationId() == null) {
            return false;
        }
        String domain = user.domainName() == null ? "" : user.domainName().toLowerCase(Locale.ROOT);
        return PLATFORM_DOMAINS.stream().anyMatch(domain::endsWith)
                || platformApplicationIds.contains(user.applicationId());
    }

    /**
     * The Dataverse filter (over {@code systemusers}) that matches exactly the users of the given types. Meant for
     * the Dataverse client; it keeps null columns on the right side of every negation.
     */
    public ODataFilter filterFor(Set<AccountType> types) {
        ODataFilter system = systemFilter();
        ODataFilter service = and(negate(system), serviceSignals());
        ODataFilter human = and(negate(system), negate(serviceSignals()));
        List<ODataFilter> wanted = new ArrayList<>();
        if (types.containsAll(Set.of(AccountType.values()))) {
            return ODataFilter.TRUE;
        }
        if (types.contains(AccountType.SYSTEM)) {
            wanted.add(system);
        }
        if (types.contains(AccountType.SERVICE)) {
            wanted.add(service);
        }
        if (types.contains(AccountType.HUMAN)) {
            wanted.add(human);
        }
        return or(wanted);
    }

    private ODataFilter systemFilter() {
        List<ODataFilter> platformApp = new ArrayList<>();
        PLATFORM_DOMAINS.forEach(domain -> platformApp.add(endsWith("domainname", domain)));
        if (!platformApplicationIds.isEmpty()) {
            platformApp.add(
                    in("applicationid", platformApplicationIds.stream().sorted().toList()));
        }
        return or(
                and(
                        or(eq("fullname", "SYSTEM"), eq("fullname", "INTEGRATION")),
                        isNull("azureactivedirectoryobjectid")),
                eq("accessmode", AccessMode.SUPPORT_USER.ordinal()),
                eq("accessmode", AccessMode.DELEGATED_ADMIN.ordinal()),
                eq("systemmanagedusertype", 2),
                and(isNotNull("applicationid"), or(platformApp)));
    }

    private static ODataFilter serviceSignals() {
        return or(
                isNotNull("applicationid"),
                eq("accessmode", AccessMode.NON_INTERACTIVE.ordinal()),
                eq("isintegrationuser", true));
    }
}
