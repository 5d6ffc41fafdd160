package io.accessgov.dynamics.team;

import io.accessgov.dynamics.dataverse.Continuation;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamQuery;
import io.accessgov.dynamics.dataverse.TeamType;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.web.InvalidPageToken;
import io.accessgov.dynamics.web.Page;
import io.accessgov.dynamics.web.PageTokens;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Reads teams (docs/api.md §4); the type and name filters are evaluated by Dataverse, so pages stay full. */
@Service
public class TeamService {

    static final String LIST_KIND = "teams";

    private final PageTokens pageTokens;

    TeamService(PageTokens pageTokens) {
        this.pageTokens = pageTokens;
    }

    /**
     * One page of the teams of {@code type} whose name contains {@code search}.
     *
     * @param type only teams of this type; null for all
     * @param search a case-insensitive substring of the name; null or empty for all teams
     * @param pageSize 1–1000; null means the default, or the token's page size when paging on
     * @param pageToken the previous page's {@code nextPageToken}, or null for the first page
     * @throws InvalidPageToken when the token is not valid for this list and these filters; nothing is sent then
     */
    Page<TeamView> list(
            Environment environment,
            @Nullable TeamType type,
            @Nullable String search,
            @Nullable Integer pageSize,
            @Nullable String pageToken) {
        return list(environment, new TeamQuery(type, search), pageSize, pageToken);
    }

    /**
     * One page of the teams matching {@code query}, all of it evaluated by Dataverse.
     *
     * @param pageSize 1–1000; null means the default, or the token's page size when paging on
     * @param pageToken the previous page's {@code nextPageToken}, or null for the first page
     * @throws InvalidPageToken when the token is not valid for this list and this query; nothing is sent then
     */
    public Page<TeamView> list(
            Environment environment, TeamQuery query, @Nullable Integer pageSize, @Nullable String pageToken) {
        String fingerprint = query.name() == null && query.entraObjectId() == null
                ? PageTokens.fingerprint(query.type(), query.search())
                : PageTokens.fingerprint(query.type(), query.search(), query.name(), query.entraObjectId());

        DataversePage<Team> page;
        if (pageToken != null) {
            Continuation next =
                    pageTokens.redeem(pageToken, PageTokens.kind(LIST_KIND, environment.name()), fingerprint, pageSize);
            page = environment.dataverse().findTeams(next);
        } else {
            page = environment.dataverse().findTeams(query, pageSize == null ? Page.DEFAULT_SIZE : pageSize);
        }
        String nextToken = page.nextPage()
                .map(next -> pageTokens.issue(PageTokens.kind(LIST_KIND, environment.name()), fingerprint, next))
                .orElse(null);
        return new Page<>(page.items().stream().map(TeamView::of).toList(), nextToken);
    }

    /**
     * The team with this id.
     *
     * @throws TeamNotFound when Dataverse has no such team
     */
    public TeamView get(Environment environment, UUID id) {
        return environment.dataverse().findTeam(id).map(TeamView::of).orElseThrow(() -> new TeamNotFound(id));
    }
}
