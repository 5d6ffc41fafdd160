package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.web.ConnectorProperties;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sync settings of each named environment ({@code dynamics.environments.<name>.syncs.*}, docs/api.md §11),
 * bound beside its connection settings. Each is checked when the schedules are set up ({@link SyncSchedules}): an
 * invalid expression stops start-up naming its property.
 *
 * @param environments by environment name
 */
@ConfigurationProperties("dynamics")
record EnvironmentSyncProperties(@DefaultValue Map<String, PerEnvironment> environments) {

    /** One environment's sync settings. */
    record PerEnvironment(@DefaultValue Syncs syncs) {}

    /**
     * @param schedule when its syncs start by themselves; each expression left unset falls back to
     *     {@code connector.syncs.schedule.*}, and an empty one is off
     */
    record Syncs(@DefaultValue ConnectorProperties.Schedule schedule) {}
}
