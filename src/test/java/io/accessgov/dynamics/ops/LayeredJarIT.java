package io.accessgov.dynamics.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Dockerfile's own layer extraction on the jar {@code ./mvnw package} built and checks the layers the
 * Dockerfile copies. An integration test (failsafe): the jar exists only from the {@code package} phase on.
 */
class LayeredJarIT {

    @TempDir
    static Path buildStage;

    @BeforeAll
    static void extractLayersAsTheBuildStageDoes() throws Exception {
        ImageLayout.extractLayers(buildStage);
    }

    @Test
    void extractsExactlyTheLayersTheDockerfileCopies() throws IOException {
        List<String> copied = ImageLayout.copiedLayers().stream()
                .map(layer -> Path.of(layer).getFileName().toString())
                .toList();

        try (Stream<Path> layers = Files.list(buildStage.resolve("extracted"))) {
            assertThat(layers.map(layer -> layer.getFileName().toString())).containsExactlyInAnyOrderElementsOf(copied);
        }
        assertThat(copied)
                .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
    }

    @Test
    void putsOurClassesInTheApplicationLayerOnly() {
        Path extracted = buildStage.resolve("extracted");

        assertThat(extracted.resolve("application/BOOT-INF/classes/io/accessgov/dynamics/Application.class"))
                .isRegularFile();
        assertThat(extracted.resolve("application/BOOT-INF/classes/application.yml"))
                .isRegularFile();
        assertThat(extracted.resolve("dependencies/BOOT-INF/classes")).doesNotExist();
    }

    @Test
    void putsReleasedLibrariesInTheDependenciesLayerAndTheLauncherInItsOwn() throws IOException {
        Path extracted = buildStage.resolve("extracted");

        try (Stream<Path> libraries = Files.list(extracted.resolve("dependencies/BOOT-INF/lib"))) {
            assertThat(libraries.map(library -> library.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("spring-boot-4."))
                    .noneMatch(name -> name.contains("-SNAPSHOT"));
        }
        List<String> entrypoint = ImageLayout.entrypoint();
        String launcher = entrypoint.get(entrypoint.size() - 1);
        assertThat(extracted.resolve("spring-boot-loader/" + launcher.replace('.', '/') + ".class"))
                .isRegularFile();
    }
}
