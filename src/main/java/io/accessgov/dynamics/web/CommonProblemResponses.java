package io.accessgov.dynamics.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * The problems every API operation can answer — a bad request, a missing or insufficient token, a request line or
 * headers beyond the server's limit, and the ways Dataverse can fail — documented once here instead of on every controller method. Operations keep what they
 * declare themselves; only missing statuses are added.
 */
@Component
class CommonProblemResponses implements OperationCustomizer {

    private static final Map<String, String> COMMON = commonResponses();

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (!handlerMethod.getBeanType().getPackageName().startsWith("io.accessgov.dynamics")) {
            return operation;
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        COMMON.forEach((status, response) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + response));
            }
        });
        return operation.responses(responses);
    }

    private static Map<String, String> commonResponses() {
        Map<String, String> responses = new LinkedHashMap<>();
        responses.put("400", "BadRequest");
        responses.put("401", "Unauthorized");
        responses.put("403", "Forbidden");
        responses.put("414", "UriTooLong");
        responses.put("431", "RequestHeadersTooLarge");
        responses.put("500", "InternalError");
        responses.put("502", "BadGateway");
        responses.put("503", "ServiceUnavailable");
        responses.put("504", "GatewayTimeout");
        return responses;
    }
}
