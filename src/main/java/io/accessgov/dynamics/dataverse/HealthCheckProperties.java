package io.accessgov.dynamics.dataverse;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often the Dataverse health check may reach Dataverse ({@code dynamics.health.*}).
 *
 * @param interval how long a health result (token and {@code WhoAmI}) is reused before the next probe checks again,
 *     1 s to 1 h; however many probes and monitors ask, Dataverse sees at most one check per interval
 */
@Validated
@ConfigurationProperties("dynamics.health")
public record HealthCheckProperties(
        @DefaultValue("10s") @DurationMin(seconds = 1) @DurationMax(hours = 1)
        Duration interval) {

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
}
