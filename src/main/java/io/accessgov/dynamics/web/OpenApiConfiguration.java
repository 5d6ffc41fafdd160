package io.accessgov.dynamics.web;

import io.accessgov.dynamics.dataverse.RecordNotFound;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document (docs/api.md §7): what the service is, a bearer scheme Swagger UI can send a token with, the
 * problem schema, and one shared response per error status, each with an example of every problem kind it covers.
 * Operations refer to these as {@code #/components/responses/<name>}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI connectorOpenApi(ObjectProvider<BuildProperties> build) {
        String version =
                build.stream().map(BuildProperties::getVersion).findFirst().orElse("development");
        Components components = new Components()
                .addSecuritySchemes(
                        BEARER,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("An access token from the configured issuer. Reads need the scope or"
                                        + " app role dynamics.read, changes dynamics.write. Not needed in demo"
                                        + " mode without an issuer."))
                .addSchemas(PROBLEM, problemSchema());
        responses().forEach(components::addResponses);
        return new OpenAPI()
                .info(new Info()
                        .title("Dynamics 365 connector")
                        .version(version)
                        .description("Governs access in Microsoft Dynamics 365 (Dataverse): accounts, security"
                                + " roles, teams, business units, who has what, and granting and revoking it."
                                + " Errors are RFC 9457 problems (application/problem+json) with a stable type URI"
                                + " per kind. The same accounts, teams and grants are also served as SCIM 2.0 at"
                                + " /scim/v2 and /scim/v2/environments/{env} for identity platforms (SailPoint, Okta,"
                                + " Entra provisioning, ConductorOne); SCIM describes itself at /scim/v2/Schemas,"
                                + " /scim/v2/ResourceTypes and /scim/v2/ServiceProviderConfig rather than here (see"
                                + " docs/scim.md in the repository).")
                        .contact(new Contact().name("dynamics365-connector maintainers")))
                .addServersItem(new Server().url("/").description("This service"))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                new StringSchema()
                        .format("uri")
                        .description("Stable URI of the problem kind.")
                        .example(ProblemKind.TYPE_PREFIX + "invalid-parameter"));
        properties.put("title", new StringSchema().description("Short summary of the kind."));
        properties.put("status", new IntegerSchema().description("The HTTP status."));
        properties.put("detail", new StringSchema().description("What happened and what to do, for a person."));
        properties.put("instance", new StringSchema().format("uri-reference").description("The request path."));
        properties.put(
                "dataverseCode",
                new StringSchema()
                        .description("Dataverse's hex error code, when it sent one.")
                        .example(RecordNotFound.TYPICAL_CODE));
        properties.put("dataverseRequestId", new StringSchema().description("Dataverse's request id, when known."));
        properties.put(
                "environment",
                new StringSchema()
                        .description("The environment the request addressed, or the one that could not be read inside"
                                + " an answer across environments (docs/api.md §9); absent otherwise.")
                        .example("contoso"));
        properties.put(
                "errors",
                new io.swagger.v3.oas.models.media.ArraySchema()
                        .items(new ObjectSchema()
                                .addProperty(
                                        "parameter", new StringSchema().description("The offending query parameter."))
                                .addProperty("pointer", new StringSchema().description("JSON pointer into the body."))
                                .addProperty("detail", new StringSchema()))
                        .description("The offending parameters or body members (400 only)."));
        properties.put(
                "parameter",
                new StringSchema()
                        .description("invalid-parameter: the (first) query parameter the operation does not define"
                                + " or that was given more than once.")
                        .example("statu"));
        properties.put(
                "acceptedParameters",
                new io.swagger.v3.oas.models.media.ArraySchema()
                        .items(new StringSchema())
                        .description("invalid-parameter, for a parameter the operation does not define: the query"
                                + " parameters it does define."));
        properties.put(
                "teams",
                new io.swagger.v3.oas.models.media.ArraySchema()
                        .items(new ObjectSchema()
                                .addProperty("id", new StringSchema().format("uuid"))
                                .addProperty("displayName", new StringSchema()))
                        .description("grant-inherited-only: the teams the grant is inherited through."));
        properties.put(
                "entraObjectId",
                new StringSchema()
                        .format("uuid")
                        .description("membership-managed-by-entra-group: the Entra group whose members to change."));
        properties.put(
                "businessUnit",
                new ObjectSchema()
                        .addProperty("id", new StringSchema().format("uuid"))
                        .addProperty("name", new StringSchema())
                        .description("membership-managed-by-business-unit: the business unit that decides it."));
        properties.put(
                "businessUnitId",
                new StringSchema()
                        .format("uuid")
                        .description("role-copy-missing-in-business-unit: the business unit without a copy."));
        properties.put(
                "teamId",
                new StringSchema().format("uuid").description("access-team-cannot-hold-roles: the access team."));
        ObjectSchema schema = new ObjectSchema();
        schema.setProperties(properties);
        schema.setRequired(List.of("type", "title", "status", "detail"));
        schema.description("An RFC 9457 problem.");
        return schema;
    }

    private static Map<String, ApiResponse> responses() {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        responses.put(
                "BadRequest",
                problem(
                        "Malformed id, parameter or body, a query parameter the operation does not define or a single-valued"
                                + " one given twice, or a page token that is not valid for this list.",
                        ProblemExamples.INVALID_PARAMETER,
                        ProblemExamples.UNEXPECTED_PARAMETER,
                        ProblemExamples.INVALID_ID,
                        ProblemExamples.INVALID_PAGE_TOKEN));
        responses.put(
                "Unauthorized",
                problem("No bearer token, or one that is invalid or expired.", ProblemExamples.UNAUTHENTICATED)
                        .addHeaderObject(
                                "WWW-Authenticate",
                                new Header()
                                        .description("The bearer challenge (RFC 6750).")
                                        .schema(new StringSchema())));
        responses.put(
                "Forbidden",
                problem("The token lacks the scope or app role the call needs.", ProblemExamples.INSUFFICIENT_SCOPE));
        responses.put(
                "NotFound",
                problem(
                        "The object does not exist, or is outside the synced scope.",
                        ProblemExamples.ACCOUNT_NOT_FOUND));
        responses.put(
                "NotAcceptable",
                problem("The request does not accept application/json.", ProblemExamples.NOT_ACCEPTABLE));
        responses.put(
                "Conflict",
                problem(
                        "The change is not possible in the current state; the problem says why and what to change"
                                + " instead.",
                        ProblemExamples.ROLE_COPY_MISSING,
                        ProblemExamples.ENTRA_GROUP_MEMBERSHIP,
                        ProblemExamples.INHERITED_ONLY,
                        ProblemExamples.PLATFORM_MANAGED,
                        ProblemExamples.ACCESS_TEAM_PROFILES));
        responses.put("PayloadTooLarge", problem("The request body is too large.", ProblemExamples.PAYLOAD_TOO_LARGE));
        responses.put(
                "UriTooLong",
                problem("The request line (method, path and query) is too long.", ProblemExamples.URI_TOO_LONG));
        responses.put(
                "RequestHeadersTooLarge",
                problem("The request line and headers together are too large.", ProblemExamples.HEADERS_TOO_LARGE));
        responses.put(
                "UnsupportedMediaType",
                problem("The body is not application/json.", ProblemExamples.UNSUPPORTED_MEDIA_TYPE));
        responses.put("InternalError", problem("The service failed unexpectedly.", ProblemExamples.INTERNAL_ERROR));
        responses.put(
                "BadGateway",
                problem(
                        "Dataverse or Entra refused the service itself (credentials, privileges).",
                        ProblemExamples.DATAVERSE_SIGN_IN_FAILED,
                        ProblemExamples.DATAVERSE_ACCESS_DENIED));
        responses.put(
                "ServiceUnavailable",
                problem(
                                "Dataverse is unavailable or still throttling after retries.",
                                ProblemExamples.DATAVERSE_THROTTLED,
                                ProblemExamples.DATAVERSE_UNAVAILABLE)
                        .addHeaderObject(
                                "Retry-After",
                                new Header()
                                        .description("Seconds to wait before trying again, when known.")
                                        .schema(new IntegerSchema())));
        responses.put(
                "GatewayTimeout", problem("Dataverse did not answer in time.", ProblemExamples.DATAVERSE_TIMED_OUT));
        return responses;
    }

    private static ApiResponse problem(String description, ProblemExamples.Named... examples) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        for (ProblemExamples.Named example : examples) {
            media.addExamples(
                    example.name(), new Example().summary(example.summary()).value(example.json()));
        }
        return new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(Problems.MEDIA_TYPE.toString(), media));
    }
}
