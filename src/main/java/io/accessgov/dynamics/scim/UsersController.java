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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM Users (docs/scim.md): accounts, with their roles. Users come from Entra, so they are neither created (501) nor
 * replaced or deleted here (405, with {@code Allow}, answered by Spring MVC); their roles are changed with PATCH.
 */
@Hidden
@RestController
@RequestMapping(
        path = {ScimPaths.ROOT + "/Users", ScimPaths.IN_ENVIRONMENT + "/Users"},
        produces = {ScimPaths.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
class UsersController {

    private final ScimUsers users;

    UsersController(ScimUsers users) {
        this.users = users;
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
        AttributeSelection selection = AttributeSelection.of(attributes, excludedAttributes, ScimSchemas.USER);
        UserFilters.Criteria criteria = UserFilters.parse(filter);
        ListParameters paging = ListParameters.of(startIndex, count);
        return ScimLists.of(users.list(environment, criteria, paging.startIndex(), paging.count(), selection, request));
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
        AttributeSelection selection = AttributeSelection.of(attributes, excludedAttributes, ScimSchemas.USER);
        ObjectNode changed =
                users.patch(environment, userId(id), body == null ? new byte[0] : body, ifMatch, selection, request);
        return ScimResponses.withVersion(changed);
    }

    @GetMapping("/{id}")
    ResponseEntity<JsonNode> get(
            @Parameter(hidden = true) Environment environment,
            HttpServletRequest request,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String attributes,
            @RequestParam(required = false) @Nullable String excludedAttributes) {
        AttributeSelection selection = AttributeSelection.of(attributes, excludedAttributes, ScimSchemas.USER);
        ObjectNode user = users.get(environment, userId(id), selection, request);
        return ScimResponses.withVersion(user);
    }

    @PostMapping
    void create() {
        throw new ScimOperationNotOffered(
                "Users are not created here: accounts come from Microsoft Entra ID (an Entra user who signs in, or"
                        + " an administrator adding them in Dynamics 365). Grant roles with PATCH.");
    }

    /** A user id is a GUID; anything else names no user. */
    static UUID userId(String id) {
        UUID parsed = FilterTerms.guidOrNull(id);
        if (parsed == null) {
            throw new ScimResourceNotFound("There is no user '" + id + "'; user ids are account GUIDs.");
        }
        return parsed;
    }
}
