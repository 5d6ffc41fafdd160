package io.accessgov.dynamics.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Does what the Dockerfile does to the packaged jar, on the local filesystem, with the JVM running the tests. */
final class ImageLayout {

    static final DockerfileInstructions DOCKERFILE = DockerfileInstructions.read(Path.of("Dockerfile"));
    private static final String WORKSPACE = "/workspace/";

    private ImageLayout() {}

    /** Runs the build stage's layer extraction on the packaged jar inside {@code buildStage}. */
    static void extractLayers(Path buildStage) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("connector.jar", "target/dynamics365-connector-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the packaged jar (run ./mvnw verify)").isRegularFile();
        Files.copy(jar, buildStage.resolve(LayerExtraction.JAR_IN_BUILD_STAGE));

        List<String> command = new ArrayList<>(LayerExtraction.commandIn(DOCKERFILE));
        command.set(0, javaExecutable());
        Process extraction = new ProcessBuilder(command)
                .directory(buildStage.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(extraction.getInputStream().readAllBytes());
        assertThat(extraction.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(extraction.exitValue())
                .as("layer extraction said:%n%s", output)
                .isZero();
    }

    /** The layer directories the final stage copies from the build stage, in order, relative to the build stage. */
    static List<String> copiedLayers() {
        return DOCKERFILE.copiedFromStage("build").stream()
                .map(source -> source.substring(WORKSPACE.length()))
                .toList();
    }

    /** Copies the layers into {@code app} the way the final stage's {@code COPY} instructions do. */
    static void layOut(Path buildStage, Path app) throws IOException {
        for (String layer : copiedLayers()) {
            copyTree(buildStage.resolve(layer), app);
        }
    }

    /** The image's {@code ENTRYPOINT}, with {@code java} being the JVM that runs the tests. */
    static List<String> entrypoint() {
        List<String> command = new ArrayList<>(DOCKERFILE.entrypoint());
        command.set(0, javaExecutable());
        return command;
    }

    static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.map(path -> directory.relativize(path).toString())
                    .sorted()
                    .toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
