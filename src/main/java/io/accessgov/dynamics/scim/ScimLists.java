package io.accessgov.dynamics.scim;

import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.utils.JsonUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** SCIM list responses ({@code urn:ietf:params:scim:api:messages:2.0:ListResponse}) in the SCIM SDK's model. */
final class ScimLists {

    private ScimLists() {}

    static JsonNode of(IndexPaging.IndexedPage<ObjectNode> page) {
        ListResponse<ObjectNode> list = new ListResponse<>(
                page.totalResults(),
                page.items(),
                page.startIndex(),
                page.items().size());
        return JsonUtils.valueToNode(list);
    }
}
