package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.grant.GrantId.PrincipalType;
import io.accessgov.dynamics.grant.GrantId.ResourceType;
import java.util.List;

/**
 * The who-has-what questions other features ask of one environment (the cross-environment answers of docs/api.md
 * §9): grants assembled exactly as {@code /grants} assembles them, read with the same few filtered requests.
 */
public final class Holdings {

    private Holdings() {}

    /**
     * Everything this user's account holds in the environment, direct and inherited, ordered by grant id. The user
     * must be one the environment's system-account toggle shows (docs/api.md §3); a hidden one is refused as the
     * {@code /grants} of an unknown account are.
     */
    public static List<Grant> ofAccount(Environment environment, SystemUser user) {
        // the facts also prove the account's teams' own grants: keep the account's, as GET /grants does
        GrantQuery account = new GrantQuery(PrincipalType.ACCOUNT, user.id(), null, null);
        return GrantAssembler.assemble(AccessFactsReader.of(environment).ofAccount(user)).stream()
                .filter(account::admits)
                .toList();
    }

    /**
     * Every account's grant of a role named {@code roleName} (exactly, ignoring case), held directly or through a
     * team, ordered by grant id. Teams' own grants of the role are left out: they hold it for their members.
     */
    public static List<Grant> accountsHoldingRolesNamed(Environment environment, String roleName) {
        return GrantAssembler.assemble(AccessFactsReader.of(environment).ofRolesNamed(roleName)).stream()
                .filter(grant -> grant.resource().type().equals(ResourceType.ROLE.wireName())
                        && grant.principal().type().equals(PrincipalType.ACCOUNT.wireName()))
                .toList();
    }
}
