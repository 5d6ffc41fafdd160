package io.accessgov.dynamics.scim;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Single-resource answers: the resource, with its version as the {@code ETag} header (RFC 7644 §3.14). */
final class ScimResponses {

    private ScimResponses() {}

    static ResponseEntity<JsonNode> withVersion(ObjectNode resource) {
        JsonNode version = resource.path("meta").path("version");
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (version.isString()) {
            answer.header(HttpHeaders.ETAG, version.asString());
        }
        return answer.body(resource);
    }
}
