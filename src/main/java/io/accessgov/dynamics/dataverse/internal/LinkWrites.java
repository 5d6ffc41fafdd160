package io.accessgov.dynamics.dataverse.internal;

import static io.accessgov.dynamics.dataverse.internal.ODataFilter.and;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.eq;

import io.accessgov.dynamics.dataverse.LinkChange;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write requests of docs/dataverse.md §6 and the reads that check them: associate and disassociate through
 * {@code $ref} for role assignments and field security profile memberships (absolute {@code @odata.id}, key-segment form to remove), and the
 * {@code AddMembersTeam} / {@code RemoveMembersTeam} actions for team memberships. Each read-back is one filtered
 * query on the link table.
 */
final class LinkWrites {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI apiBase;
    private final LinkWriter writer;
    private final EntityReader<?> userRoles;
    private final EntityReader<?> memberships;
    private final EntityReader<?> teamRoles;
    private final EntityReader<?> userProfiles;
    private final EntityReader<?> teamProfiles;

    LinkWrites(
            URI apiBase,
            LinkWriter writer,
            EntityReader<?> userRoles,
            EntityReader<?> memberships,
            EntityReader<?> teamRoles,
            EntityReader<?> userProfiles,
            EntityReader<?> teamProfiles) {
        this.apiBase = apiBase;
        this.writer = writer;
        this.userRoles = userRoles;
        this.memberships = memberships;
        this.teamRoles = teamRoles;
        this.userProfiles = userProfiles;
        this.teamProfiles = teamProfiles;
    }

    LinkChange userRole(UUID userId, UUID roleId, boolean adding) {
        return ref(
                "systemusers",
                userId,
                "systemuserroles_association",
                "roles",
                roleId,
                adding,
                () -> exists(userRoles, "systemuserid", userId, "roleid", roleId));
    }

    LinkChange teamRole(UUID teamId, UUID roleId, boolean adding) {
        return ref(
                "teams",
                teamId,
                "teamroles_association",
                "roles",
                roleId,
                adding,
                () -> exists(teamRoles, "teamid", teamId, "roleid", roleId));
    }

    LinkChange userProfile(UUID userId, UUID profileId, boolean adding) {
        return ref(
                "systemusers",
                userId,
                "systemuserprofiles_association",
                "fieldsecurityprofiles",
                profileId,
                adding,
                () -> exists(userProfiles, "systemuserid", userId, "fieldsecurityprofileid", profileId));
    }

    LinkChange teamProfile(UUID teamId, UUID profileId, boolean adding) {
        return ref(
                "teams",
                teamId,
                "teamprofiles_association",
                "fieldsecurityprofiles",
                profileId,
                adding,
                () -> exists(teamProfiles, "teamid", teamId, "fieldsecurityprofileid", profileId));
    }

    LinkChange membership(UUID teamId, UUID userId, boolean adding) {
        String action = adding ? "AddMembersTeam" : "RemoveMembersTeam";
        URI uri = URI.create(apiBase + "teams(" + teamId + ")/Microsoft.Dynamics.CRM." + action);
        byte[] body = json(Map.of(
                "Members",
                List.of(Map.of("@odata.type", "Microsoft.Dynamics.CRM.systemuser", "ownerid", userId.toString()))));
        return writer.change(
                DataverseHttp.Request.once(HttpMethod.POST, uri, "teams", body),
                adding,
                () -> exists(memberships, "teamid", teamId, "systemuserid", userId));
    }

    private LinkChange ref(
            String entitySet,
            UUID id,
            String navigation,
            String targetSet,
            UUID targetId,
            boolean adding,
            BooleanSupplier inPlace) {
        String base = apiBase + entitySet + "(" + id + ")/" + navigation;
        DataverseHttp.Request request = adding
                ? DataverseHttp.Request.once(
                        HttpMethod.POST,
                        URI.create(base + "/$ref"),
                        entitySet,
                        json(Map.of("@odata.id", apiBase + targetSet + "(" + targetId + ")")))
                : DataverseHttp.Request.once(
                        HttpMethod.DELETE, URI.create(base + "(" + targetId + ")/$ref"), entitySet, null);
        return writer.change(request, adding, inPlace);
    }

    private static boolean exists(EntityReader<?> links, String leftColumn, UUID left, String rightColumn, UUID right) {
        return !links.all(and(eq(leftColumn, left), eq(rightColumn, right))).isEmpty();
    }

    private static byte[] json(Object value) {
        return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    }
}
