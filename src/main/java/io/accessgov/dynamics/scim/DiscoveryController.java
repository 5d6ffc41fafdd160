package io.accessgov.dynamics.scim;

import com.unboundid.scim2.common.ScimResource;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.accessgov.dynamics.environment.Environment;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM discovery (RFC 7644 §4): what this service provider offers, so that identity platforms configure themselves
 * (docs/scim.md). The same under both roots; locations point into the root the request came through.
 */
@Hidden
@RestController
@RequestMapping(
        path = {ScimPaths.ROOT, ScimPaths.IN_ENVIRONMENT},
        produces = {ScimPaths.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
class DiscoveryController {

    /** The largest {@code count} of one page (docs/scim.md). */
    static final int MAX_RESULTS = 1000;

    @GetMapping("/ServiceProviderConfig")
    JsonNode serviceProviderConfig(@Parameter(hidden = true) Environment environment, HttpServletRequest request) {
        ServiceProviderConfigResource config = new ServiceProviderConfigResource(
                null,
                new PatchConfig(true),
                new BulkConfig(false, 0, 0),
                new FilterConfig(true, MAX_RESULTS),
                new ChangePasswordConfig(false),
                new SortConfig(false),
                new ETagConfig(true),
                List.of(new AuthenticationScheme(
                        "OAuth Bearer Token",
                        "A bearer token from the service's issuer of callers' tokens: dynamics.read to read,"
                                + " dynamics.write to change.",
                        URI.create("https://www.rfc-editor.org/rfc/rfc6750"),
                        null,
                        "oauthbearertoken",
                        true)));
        return withMeta(
                config, "ServiceProviderConfig", ScimPaths.base(request, environment) + "/ServiceProviderConfig");
    }

    @GetMapping("/ResourceTypes")
    JsonNode resourceTypes(@Parameter(hidden = true) Environment environment, HttpServletRequest request) {
        return list(ScimSchemas.RESOURCE_TYPES.stream()
                .map(type -> resourceType(type.getName(), environment, request))
                .toList());
    }

    @GetMapping("/ResourceTypes/{name}")
    JsonNode resourceType(
            @Parameter(hidden = true) Environment environment, HttpServletRequest request, @PathVariable String name) {
        return resourceType(name, environment, request);
    }

    @GetMapping("/Schemas")
    JsonNode schemas(@Parameter(hidden = true) Environment environment, HttpServletRequest request) {
        return list(ScimSchemas.ALL.stream()
                .map(schema -> schema(schema.getId(), environment, request))
                .toList());
    }

    @GetMapping("/Schemas/{id}")
    JsonNode schema(
            @Parameter(hidden = true) Environment environment, HttpServletRequest request, @PathVariable String id) {
        return schema(id, environment, request);
    }

    private JsonNode resourceType(String name, Environment environment, HttpServletRequest request) {
        var type = ScimSchemas.resourceType(name)
                .orElseThrow(() -> new ScimResourceNotFound(
                        "There is no resource type '" + name + "'; GET /ResourceTypes lists them."));
        return withMeta(
                type, "ResourceType", ScimPaths.base(request, environment) + "/ResourceTypes/" + type.getName());
    }

    private JsonNode schema(String id, Environment environment, HttpServletRequest request) {
        var schema = ScimSchemas.schema(id)
                .orElseThrow(
                        () -> new ScimResourceNotFound("There is no schema '" + id + "'; GET /Schemas lists them."));
        return withMeta(schema, "Schema", ScimPaths.base(request, environment) + "/Schemas/" + schema.getId());
    }

    /** The resource with its {@code meta}, set on a copy: the definitions themselves are shared and never change. */
    private static JsonNode withMeta(ScimResource resource, String resourceType, String location) {
        Meta meta = new Meta();
        meta.setResourceType(resourceType);
        meta.setLocation(URI.create(location));
        ObjectNode node = JsonUtils.valueToNode(resource);
        node.set("meta", JsonUtils.valueToNode(meta));
        return node;
    }

    private static JsonNode list(List<JsonNode> resources) {
        ListResponse<JsonNode> list = new ListResponse<>(resources.size(), resources, 1, resources.size());
        return JsonUtils.valueToNode(list);
    }
}
