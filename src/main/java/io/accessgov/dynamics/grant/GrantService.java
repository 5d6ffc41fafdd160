package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.grant.GrantId.PrincipalType;
import io.accessgov.dynamics.grant.GrantId.ResourceType;
import io.accessgov.dynamics.web.CursorPages;
import io.accessgov.dynamics.web.InvalidPageToken;
import io.accessgov.dynamics.web.Page;
import io.accessgov.dynamics.web.PageTokens;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Answers who has what (docs/api.md §5, read side). */
@Service
class GrantService {

    private static final CursorPages.Order<Grant> ORDER = CursorPages.Order.ascending("grants", Grant::id);

    private final CursorPages pages;

    GrantService(PageTokens pageTokens) {
        this.pages = new CursorPages(pageTokens);
    }

    /**
     * One page of the grants the query asks for, in grant-id order.
     *
     * @throws GrantSubjectNotFound when the principal or resource does not exist for the API
     * @throws InvalidPageToken when the token is not valid for this query; nothing is read then
     */
    Page<Grant> list(
            Environment environment, GrantQuery query, @Nullable Integer pageSize, @Nullable String pageToken) {
        AccessFactsReader reader = AccessFactsReader.of(environment);
        return pages.page(
                ORDER.in(environment.name()), query.fingerprint(), pageSize, pageToken, () -> grants(reader, query));
    }

    /**
     * The grant with this id. A role in it may be named by any of its business-unit copies; the grant answered
     * carries the canonical id, with the root role.
     *
     * @throws GrantNotFound when the principal does not hold it, or a part of it does not exist for the API
     */
    Grant get(Environment environment, GrantId id) {
        AccessFactsReader reader = AccessFactsReader.of(environment);
        GrantQuery query = new GrantQuery(id.principalType(), id.principalId(), id.resourceType(), id.resourceId());
        try {
            // one principal and one resource (a role's copy resolved to its root): at most one grant answers it
            return grants(reader, query).stream().findFirst().orElseThrow(() -> new GrantNotFound(id));
        } catch (GrantSubjectNotFound e) {
            throw new GrantNotFound(id);
        }
    }

    /**
     * Every grant the query admits, ordered by id, in one list.
     *
     * @throws GrantSubjectNotFound when the principal or resource does not exist for the API
     */
    List<Grant> all(Environment environment, GrantQuery query) {
        return grants(AccessFactsReader.of(environment), query);
    }

    /**
     * Everything each of these accounts holds (roles, direct and inherited, and team memberships), read together.
     * An account that does not exist for the API has no entry.
     */
    Map<UUID, List<Grant>> allOfAccounts(Environment environment, Collection<UUID> accountIds) {
        AccessFacts facts = AccessFactsReader.of(environment).ofAccounts(accountIds);
        Map<UUID, List<Grant>> grants = new LinkedHashMap<>();
        facts.accounts().keySet().forEach(id -> grants.put(id, new ArrayList<>()));
        for (Grant grant : GrantAssembler.assemble(facts)) {
            if (grant.principal().type().equals(PrincipalType.ACCOUNT.wireName())) {
                List<Grant> held = grants.get(UUID.fromString(grant.principal().id()));
                if (held != null) {
                    held.add(grant);
                }
            }
        }
        grants.replaceAll((id, held) -> List.copyOf(held));
        return grants;
    }

    /** The members of each of these teams, read together. A team that does not exist has no entry. */
    Map<UUID, List<Grant>> membersOfTeams(Environment environment, Collection<UUID> teamIds) {
        AccessFacts facts = AccessFactsReader.of(environment).ofTeamsAsResource(teamIds);
        Map<UUID, List<Grant>> grants = new LinkedHashMap<>();
        facts.teams().keySet().forEach(id -> grants.put(id, new ArrayList<>()));
        for (Grant grant : GrantAssembler.assemble(facts)) {
            if (grant.resource().type().equals(ResourceType.TEAM.wireName())) {
                List<Grant> members =
                        grants.get(UUID.fromString(grant.resource().id()));
                if (members != null) {
                    members.add(grant);
                }
            }
        }
        grants.replaceAll((id, members) -> List.copyOf(members));
        return grants;
    }

    /** Every grant the query admits, ordered by id. Reads by principal when it can: that costs the fewest requests. */
    private static List<Grant> grants(AccessFactsReader reader, GrantQuery query) {
        AccessFacts facts;
        if (query.principalType() == PrincipalType.ACCOUNT) {
            facts = reader.ofAccount(query.principalId());
        } else if (query.principalType() == PrincipalType.TEAM) {
            facts = reader.ofTeamAsPrincipal(query.principalId());
        } else if (query.resourceType() == ResourceType.ROLE) {
            facts = reader.ofRole(query.resourceId());
        } else if (query.resourceType() == ResourceType.FIELD_SECURITY_PROFILE) {
            facts = reader.ofProfile(query.resourceId());
        } else {
            facts = reader.ofTeamAsResource(query.resourceId());
        }
        GrantQuery scope = query.byResource() ? resolveResource(reader, query, facts) : query;
        return GrantAssembler.assemble(facts).stream().filter(scope::admits).toList();
    }

    /**
     * A role may be named by any copy's id, but grants name the root; and a resource the principal does not hold
     * must still exist, or the answer is 404 rather than an empty page.
     */
    private static GrantQuery resolveResource(AccessFactsReader reader, GrantQuery query, AccessFacts facts) {
        if (query.resourceType() == ResourceType.ROLE) {
            AccessFacts.RoleFacts held = facts.rolesByCopyId().get(query.resourceId());
            UUID root = held != null ? held.rootId() : reader.rootRoleOf(query.resourceId());
            return new GrantQuery(query.principalType(), query.principalId(), query.resourceType(), root);
        }
        if (query.resourceType() == ResourceType.FIELD_SECURITY_PROFILE) {
            if (query.byPrincipal() && !facts.profiles().containsKey(query.resourceId())) {
                reader.requireProfile(query.resourceId());
            }
            return query;
        }
        if (query.byPrincipal() && !facts.teams().containsKey(query.resourceId())) {
            reader.requireTeam(query.resourceId());
        }
        return query;
    }
}
