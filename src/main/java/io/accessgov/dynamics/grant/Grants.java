package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.grant.GrantId.PrincipalType;
import io.accessgov.dynamics.grant.GrantId.ResourceType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The door to who-has-what for other modules (SCIM, docs/scim.md): the same reads as {@code GET /api/v1/grants} and
 * the same changes as {@code POST}/{@code DELETE /api/v1/grants}, with their rules, 409 reasons, idempotence and
 * audit (docs/api.md §5). Nothing of grant/ is written twice elsewhere.
 */
@Component
public class Grants {

    private final GrantService grants;
    private final GrantCommands commands;

    Grants(GrantService grants, GrantCommands commands) {
        this.grants = grants;
        this.commands = commands;
    }

    /**
     * Everything an account holds: its roles, direct and inherited through teams, and its team memberships.
     *
     * @throws GrantSubjectNotFound when the account does not exist for the API
     */
    public List<Grant> ofAccount(Environment environment, UUID accountId) {
        return grants.all(environment, new GrantQuery(PrincipalType.ACCOUNT, accountId, null, null));
    }

    /**
     * Everything each of these accounts holds, read together: a page of accounts costs a few requests, not a few per
     * account. An account that does not exist for the API has no entry.
     */
    public Map<UUID, List<Grant>> ofAccounts(Environment environment, Collection<UUID> accountIds) {
        return grants.allOfAccounts(environment, accountIds);
    }

    /**
     * The members of a team.
     *
     * @throws GrantSubjectNotFound when the team does not exist
     */
    public List<Grant> membersOf(Environment environment, UUID teamId) {
        return grants.all(environment, new GrantQuery(null, null, ResourceType.TEAM, teamId));
    }

    /**
     * The members of each of these teams, read together: a page of teams costs a few requests, not a few per team.
     * A team that does not exist has no entry.
     */
    public Map<UUID, List<Grant>> membersOfTeams(Environment environment, Collection<UUID> teamIds) {
        return grants.membersOfTeams(environment, teamIds);
    }

    /** Assigns the role (any copy's id names the logical role) to the account, or finds it already held. */
    public Change assignRole(Environment environment, UUID roleId, UUID accountId) {
        return Change.of(commands.grant(
                environment, new GrantRequest(ResourceType.ROLE, roleId, PrincipalType.ACCOUNT, accountId, null)));
    }

    /** Removes the account's direct assignment of the role, or finds it already absent. */
    public Change removeRole(Environment environment, UUID roleId, UUID accountId) {
        return Change.of(
                commands.revoke(environment, new GrantId(ResourceType.ROLE, roleId, PrincipalType.ACCOUNT, accountId)));
    }

    /** Makes the account a member of the team, or finds it already one. */
    public Change addMember(Environment environment, UUID teamId, UUID accountId) {
        return Change.of(commands.grant(
                environment, new GrantRequest(ResourceType.TEAM, teamId, PrincipalType.ACCOUNT, accountId, null)));
    }

    /** Removes the account from the team, or finds it already absent. */
    public Change removeMember(Environment environment, UUID teamId, UUID accountId) {
        return Change.of(
                commands.revoke(environment, new GrantId(ResourceType.TEAM, teamId, PrincipalType.ACCOUNT, accountId)));
    }

    /**
     * What a change came to.
     *
     * @param grantId the grant's id, with the root role id
     * @param changed whether Dataverse was changed; false when the links were already as asked
     * @param grant the grant as it stands afterwards; null when the principal no longer holds it
     */
    public record Change(
            String grantId, boolean changed, @Nullable Grant grant) {

        static Change of(ChangeResult result) {
            return new Change(result.id().toString(), result.changed(), result.grant());
        }
    }
}
