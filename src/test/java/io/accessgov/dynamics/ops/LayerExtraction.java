package io.accessgov.dynamics.ops;

import java.util.Arrays;
import java.util.List;

/** The layer extraction command of the Dockerfile's build stage. */
final class LayerExtraction {

    /** The name the build stage gives the jar before extracting it. */
    static final String JAR_IN_BUILD_STAGE = "application.jar";

    private LayerExtraction() {}

    /** The words of the {@code java -Djarmode=tools …} command in the Dockerfile, as it runs them. */
    static List<String> commandIn(DockerfileInstructions dockerfile) {
        return dockerfile.all("RUN").stream()
                .flatMap(run -> Arrays.stream(run.arguments().split("&&")))
                .map(String::strip)
                .filter(command -> command.startsWith("java -Djarmode=tools"))
                .findFirst()
                .map(command -> List.of(command.split("\\s+")))
                .orElseThrow(() -> new AssertionError("the Dockerfile runs no 'java -Djarmode=tools' command"));
    }
}
