package io.accessgov.dynamics.scim;

import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.accessgov.dynamics.grant.Grant;
import io.accessgov.dynamics.team.TeamView;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A team as a SCIM Group (docs/scim.md, the mapping table): the REST API's team (docs/api.md §4) and its members,
 * the accounts its {@code member} grants name (§5), in the SCIM SDK's model.
 */
final class GroupResources {

    private GroupResources() {}

    /**
     * The Group of a team.
     *
     * @param members the team's member grants, or null when they were not read (they were not asked for); a version
     *     is given only with them, since it covers the whole resource
     * @param users the absolute URL of the Users endpoint, for the members' {@code $ref}
     */
    static ObjectNode of(TeamView team, @Nullable List<Grant> members, URI location, String users) {
        GroupResource group = new GroupResource();
        group.setId(team.id().toString());
        if (team.entraObjectId() != null) {
            group.setExternalId(team.entraObjectId().toString());
        }
        group.setDisplayName(team.name());
        if (members != null) {
            group.setMembers(members.stream()
                    .filter(grant -> grant.principal().type().equals("account"))
                    .sorted(Comparator.comparing(grant -> grant.principal().id()))
                    .map(grant -> new Member()
                            .setValue(grant.principal().id())
                            .setDisplay(grant.principal().displayName())
                            .setType("User")
                            .setRef(URI.create(users + "/" + grant.principal().id())))
                    .toList());
        }
        ObjectNode node = JsonUtils.valueToNode(group);
        if (members != null && !node.has("members")) {
            node.putArray("members");
        }
        Meta meta = new Meta();
        meta.setResourceType("Group");
        meta.setLocation(location);
        if (members != null) {
            meta.setVersion(Versions.of(node));
        }
        node.set("meta", JsonUtils.valueToNode(meta));
        return node;
    }
}
