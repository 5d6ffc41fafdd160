package io.accessgov.dynamics.scim;

import com.unboundid.scim2.common.messages.PatchRequest;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.grant.Grant;
import io.accessgov.dynamics.grant.Grants;
import io.accessgov.dynamics.team.TeamService;
import io.accessgov.dynamics.team.TeamView;
import io.accessgov.dynamics.web.PageTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM Groups over the team and grant features (docs/scim.md): reads teams through {@link TeamService}, with every
 * filter evaluated by Dataverse, and their members through {@link Grants}, only when the answer shows them.
 */
@Service
class ScimGroups {

    static final String ENDPOINT = "Groups";

    private final TeamService teams;
    private final Grants grants;
    private final IndexPaging paging;

    ScimGroups(TeamService teams, Grants grants, IndexPaging paging) {
        this.teams = teams;
        this.grants = grants;
        this.paging = paging;
    }

    /** One group, as the selection asks. */
    ObjectNode get(Environment environment, UUID id, AttributeSelection selection, HttpServletRequest request) {
        return resource(environment, teams.get(environment, id), selection, request);
    }

    /**
     * Applies a PATCH to the group's members (docs/scim.md): each member added joins the team, each removed leaves it,
     * through grant/. Then answers the group as it stands.
     *
     * @param ifMatch the request's {@code If-Match}; a stale version changes nothing (412)
     */
    ObjectNode patch(
            Environment environment,
            UUID id,
            byte[] body,
            @Nullable String ifMatch,
            AttributeSelection selection,
            HttpServletRequest request) {
        PatchRequest patch = ScimPatch.read(body);
        ObjectNode current = get(environment, id, AttributeSelection.ALL, request);
        ScimPatch.requireVersion(ifMatch, current);
        ScimPatch.Links links = ScimPatch.links(patch, current, "members", Set.of());
        LinkChanges.apply(
                links,
                account -> grants.addMember(environment, id, account),
                account -> grants.removeMember(environment, id, account));
        return get(environment, id, selection, request);
    }

    /** One page of the groups matching the filter. */
    IndexPaging.IndexedPage<ObjectNode> list(
            Environment environment,
            GroupFilters.Criteria criteria,
            int startIndex,
            int count,
            AttributeSelection selection,
            HttpServletRequest request) {
        if (criteria.matchesNothing()) {
            return new IndexPaging.IndexedPage<>(List.of(), startIndex, 0);
        }
        var query = criteria.query();
        String list =
                "Groups|" + environment.name() + "|" + PageTokens.fingerprint(query.name(), query.entraObjectId());
        IndexPaging.IndexedPage<TeamView> page =
                paging.page(list, startIndex, count, (size, token) -> teams.list(environment, query, size, token));
        boolean withMembers = selection.returns("members");
        Map<UUID, List<Grant>> members = withMembers
                ? grants.membersOfTeams(
                        environment, page.items().stream().map(TeamView::id).toList())
                : Map.of();
        List<ObjectNode> groups = page.items().stream()
                .map(team -> selection.apply(GroupResources.of(
                        team,
                        withMembers ? members.getOrDefault(team.id(), List.of()) : null,
                        ScimPaths.location(
                                request, environment, ENDPOINT, team.id().toString()),
                        ScimPaths.base(request, environment) + "/" + ScimUsers.ENDPOINT)))
                .toList();
        return new IndexPaging.IndexedPage<>(groups, page.startIndex(), page.totalResults());
    }

    private ObjectNode resource(
            Environment environment, TeamView team, AttributeSelection selection, HttpServletRequest request) {
        var members = selection.returns("members") ? grants.membersOf(environment, team.id()) : null;
        ObjectNode group = GroupResources.of(
                team,
                members,
                ScimPaths.location(request, environment, ENDPOINT, team.id().toString()),
                ScimPaths.base(request, environment) + "/" + ScimUsers.ENDPOINT);
        return selection.apply(group);
    }
}
