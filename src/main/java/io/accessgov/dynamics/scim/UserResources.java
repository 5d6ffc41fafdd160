package io.accessgov.dynamics.scim;

import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.Role;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.accessgov.dynamics.account.Account;
import io.accessgov.dynamics.account.AccountStatus;
import io.accessgov.dynamics.grant.Grant;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * An account as a SCIM User (docs/scim.md, the mapping table): the REST API's account (docs/api.md §3) and the roles
 * its grants give it (§5), in the SCIM SDK's model.
 */
final class UserResources {

    static final String DIRECT = "direct";
    static final String INHERITED = "inherited";

    private UserResources() {}

    /**
     * The User of an account.
     *
     * @param grants everything the account holds, or null when its roles were not read (they were not asked for);
     *     a version is given only with them, since it covers the whole resource
     */
    static ObjectNode of(Account account, @Nullable List<Grant> grants, URI location) {
        UserResource user = new UserResource();
        user.setId(account.id().toString());
        if (account.entraObjectId() != null) {
            user.setExternalId(account.entraObjectId().toString());
        }
        user.setUserName(account.username());
        if (account.firstName() != null || account.lastName() != null) {
            user.setName(new Name().setGivenName(account.firstName()).setFamilyName(account.lastName()));
        }
        user.setDisplayName(account.displayName());
        user.setTitle(account.title());
        user.setActive(account.status() == AccountStatus.ENABLED);
        if (account.email() != null) {
            user.setEmails(List.of(
                    new Email().setValue(account.email()).setType("work").setPrimary(true)));
        }
        if (grants != null) {
            user.setRoles(roles(grants));
        }
        String businessUnit = account.businessUnit().name();
        if (businessUnit != null) {
            user.setExtension(
                    new EnterpriseUserExtension().setOrganization(businessUnit).setDepartment(businessUnit));
        }
        ObjectNode node = JsonUtils.valueToNode(user);
        if (grants != null && !node.has("roles")) {
            node.putArray("roles");
        }
        Meta meta = new Meta();
        meta.setResourceType("User");
        meta.setCreated(calendar(account.createdAt()));
        meta.setLastModified(calendar(account.modifiedAt()));
        meta.setLocation(location);
        if (grants != null) {
            meta.setVersion(Versions.of(node));
        }
        node.set("meta", JsonUtils.valueToNode(meta));
        return node;
    }

    /** One role per logical role: {@code direct} when held directly (whatever teams also give it), else inherited. */
    static List<Role> roles(List<Grant> grants) {
        List<Role> roles = new ArrayList<>();
        grants.stream()
                .filter(grant -> grant.resource().type().equals("role"))
                .sorted(Comparator.comparing(
                                (Grant grant) -> String.valueOf(grant.resource().displayName()))
                        .thenComparing(grant -> grant.resource().id()))
                .forEach(grant -> roles.add(new Role()
                        .setValue(grant.resource().id())
                        .setDisplay(grant.resource().displayName())
                        .setType(
                                grant.sources().stream().anyMatch(source -> source.type()
                                                .equals(DIRECT))
                                        ? DIRECT
                                        : INHERITED)));
        return roles;
    }

    private static @Nullable Calendar calendar(@Nullable Instant instant) {
        if (instant == null) {
            return null;
        }
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
