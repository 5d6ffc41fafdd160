package io.accessgov.dynamics.environment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * One environment as the API shows it (docs/api.md §9). Its status is the environment's cached health check, never a
 * new call to Dataverse per request.
 */
@Schema(name = "Environment", description = "A Dataverse environment the service governs.")
record EnvironmentView(
        @Schema(example = "contoso") String name,

        @Schema(example = "https://contoso.crm.dynamics.com")
        String environmentUrl,

        @JsonProperty("default")
        @Schema(name = "default", description = "Whether the unprefixed paths (/api/v1/…) address it.")
        boolean isDefault,

        @Schema(allowableValues = {"live", "simulator"}) String mode,
        @Schema(allowableValues = {"UP", "DOWN", "UNKNOWN"}) String status,

        @Schema(nullable = true, description = "Why it is DOWN; null when UP.") @Nullable
        String detail) {

    static EnvironmentView of(Environment environment) {
        Health health = environment.health().health();
        String status = Status.UP.equals(health.getStatus())
                ? "UP"
                : Status.DOWN.equals(health.getStatus()) ? "DOWN" : "UNKNOWN";
        Object reason = health.getDetails().get("reason");
        return new EnvironmentView(
                environment.name(),
                environment.connection().environmentUrl().toString(),
                environment.isDefault(),
                environment.connection().mode().label(),
                status,
                "UP".equals(status) || reason == null ? null : reason.toString());
    }
}
