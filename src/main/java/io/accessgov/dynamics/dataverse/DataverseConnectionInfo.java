package io.accessgov.dynamics.dataverse;

import java.net.URI;
import java.util.Locale;

/**
 * The Dataverse connection in effect, for other packages (start-up messages, {@code /actuator/info}, security
 * decisions). Holds no credentials.
 *
 * @param mode a real environment or the embedded simulator
 * @param environmentUrl the environment URL the service talks to
 */
public record DataverseConnectionInfo(Mode mode, URI environmentUrl) {

    /** Whether the service talks to a real environment or to its embedded simulator. */
    public enum Mode {
        LIVE,
        SIMULATOR;

        /** {@code live} or {@code simulator}, as shown in {@code /actuator/info}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
