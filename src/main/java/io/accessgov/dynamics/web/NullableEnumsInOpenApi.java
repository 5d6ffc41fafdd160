package io.accessgov.dynamics.web;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * In OpenAPI 3.0 a nullable enum must list {@code null} among its values, or validators reject the very examples
 * (and answers) in which the property is null. springdoc marks such properties nullable but leaves the enum as is;
 * this adds the missing {@code null}.
 */
@Component
class NullableEnumsInOpenApi implements OpenApiCustomizer {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema schema : openApi.getComponents().getSchemas().values()) {
            Map<String, Schema> properties = schema.getProperties();
            if (properties == null) {
                continue;
            }
            for (Schema property : properties.values()) {
                List values = property.getEnum();
                if (Boolean.TRUE.equals(property.getNullable()) && values != null && !values.contains(null)) {
                    List withNull = new ArrayList(values);
                    withNull.add(null);
                    property.setEnum(withNull);
                }
            }
        }
    }
}
