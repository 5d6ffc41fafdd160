package io.accessgov.dynamics.environment;

import io.accessgov.dynamics.web.ApiPaths;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Describes the environment in the OpenAPI document (docs/api.md §9): every path under
 * {@code /api/v1/environments/{env}} gets the path parameter {@code env}, whose values are the configured environments'
 * names (so Swagger UI offers them in a list), and an operation id of its own, {@code <operation>InEnvironment}; the
 * unprefixed twin keeps the plain id.
 */
@Component
class EnvironmentOpenApi implements OpenApiCustomizer {

    private final Environments environments;

    EnvironmentOpenApi(Environments environments) {
        this.environments = environments;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            boolean inEnvironment =
                    path.startsWith(ApiPaths.IN_ENVIRONMENT + "/") || path.equals("/api/v1/environments/{env}");
            for (Operation operation : item.readOperations()) {
                if (operation.getOperationId() != null) {
                    String plain = operation.getOperationId().replaceFirst("_\\d+$", "");
                    boolean twin = inEnvironment && path.startsWith(ApiPaths.IN_ENVIRONMENT + "/");
                    operation.setOperationId(twin ? plain + "InEnvironment" : plain);
                }
                if (path.startsWith(ApiPaths.IN_ENVIRONMENT + "/")) {
                    addEnvironmentParameter(operation);
                }
            }
            if (path.equals("/api/v1/environments/{env}")) {
                restrictValues(item);
            }
        });
    }

    private void addEnvironmentParameter(Operation operation) {
        if (operation.getParameters() == null) {
            operation.setParameters(new ArrayList<>());
        }
        boolean present = operation.getParameters().stream()
                .anyMatch(parameter -> EnvironmentInterceptor.PATH_VARIABLE.equals(parameter.getName())
                        && "path".equals(parameter.getIn()));
        if (!present) {
            operation.getParameters().add(0, environmentParameter());
        }
    }

    private void restrictValues(PathItem item) {
        for (Operation operation : item.readOperations()) {
            if (operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(parameter -> EnvironmentInterceptor.PATH_VARIABLE.equals(parameter.getName()))
                        .forEach(parameter -> parameter.setSchema(names()));
            }
        }
    }

    private Parameter environmentParameter() {
        return new Parameter()
                .name(EnvironmentInterceptor.PATH_VARIABLE)
                .in("path")
                .required(true)
                .description("The environment's name; the unprefixed path addresses the default environment, '"
                        + environments.defaultEnvironment().name() + "'.")
                .schema(names())
                .example(environments.defaultEnvironment().name());
    }

    private StringSchema names() {
        StringSchema schema = new StringSchema();
        schema.setEnum(environments.names());
        return schema;
    }
}
