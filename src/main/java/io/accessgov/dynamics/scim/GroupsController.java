package io.accessgov.dynamics.scim;

import io.accessgov.dynamics.environment.Environment;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM Groups (docs/scim.md): owner, access and Entra group teams with their members. Teams are not created, replaced
 * or deleted here (405, answered by Spring MVC); their members are changed with PATCH.
 */
@Hidden
@RestController
@RequestMapping(
        path = {ScimPaths.ROOT + "/Groups", ScimPaths.IN_ENVIRONMENT + "/Groups"},
        produces = {ScimPaths.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
class GroupsController {

    private final ScimGroups groups;

    GroupsController(ScimGroups groups) {
        this.groups = groups;
    }

    @GetMapping
    JsonNode list(
            @Parameter(hidden = true) Environment environment,
            HttpServletRequest request,
            @RequestParam(required = false) @Nullable String filter,
            @RequestParam(required = false) @Nullable String startIndex,
            @RequestParam(required = false) @Nullable String count,
            @RequestParam(required = false) @Nullable String attributes,
            @RequestParam(required = false) @Nullable String excludedAttributes) {
        AttributeSelection selection = AttributeSelection.of(attributes, excludedAttributes, ScimSchemas.GROUP);
        GroupFilters.Criteria criteria = GroupFilters.parse(filter);
        ListParameters paging = ListParameters.of(startIndex, count);
        return ScimLists.of(
                groups.list(environment, criteria, paging.startIndex(), paging.count(), selection, request));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {ScimPaths.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<JsonNode> patch(
            @Parameter(hidden = true) Environment environment,
            HttpServletRequest request,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestParam(required = false) @Nullable String attributes,
            @RequestParam(required = false) @Nullable String excludedAttributes,
            @RequestBody(required = false) byte @Nullable [] body) {
        AttributeSelection selection = AttributeSelection.of(attributes, excludedAttributes, ScimSchemas.GROUP);
        ObjectNode changed =
                groups.patch(environment, groupId(id), body == null ? new byte[0] : body, ifMatch, selection, request);
        return ScimResponses.withVersion(changed);
    }

    @GetMapping("/{id}")
    ResponseEntity<JsonNode> get(
            @Parameter(hidden = true) Environment environment,
            HttpServletRequest request,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String attributes,
            @RequestParam(required = false) @Nullable String excludedAttributes) {
        AttributeSelection selection = AttributeSelection.of(attributes, excludedAttributes, ScimSchemas.GROUP);
        ObjectNode group = groups.get(environment, groupId(id), selection, request);
        return ScimResponses.withVersion(group);
    }

    /** A group id is a team GUID; anything else names no group. */
    static UUID groupId(String id) {
        UUID parsed = FilterTerms.guidOrNull(id);
        if (parsed == null) {
            throw new ScimResourceNotFound("There is no group '" + id + "'; group ids are team GUIDs.");
        }
        return parsed;
    }
}
