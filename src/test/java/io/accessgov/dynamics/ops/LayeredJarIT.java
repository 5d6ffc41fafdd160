package io.accessgov.dynamics.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Dockerfile's own layer extraction on the jar {@code ./mvnw package} built, then lays the layers out the
 * way the Dockerfile's {@code COPY} instructions do and starts the image's {@code ENTRYPOINT} from there. An
 * integration test (failsafe): the jar exists only from the {@code package} phase on.
 */
class LayeredJarIT {

    private static final DockerfileInstructions DOCKERFILE = DockerfileInstructions.read(Path.of("Dockerfile"));
    private static final String EXTRACTED = "/workspace/extracted/";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path buildStage;

    @BeforeAll
    static void extractLayersAsTheBuildStageDoes() throws Exception {
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

    @Test
    void extractsExactlyTheLayersTheDockerfileCopies() throws IOException {
        List<String> copied = DOCKERFILE.copiedFromStage("build").stream()
                .map(source -> source.substring(EXTRACTED.length()).replace("/", ""))
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
        String launcher = DOCKERFILE.entrypoint().get(DOCKERFILE.entrypoint().size() - 1);
        assertThat(extracted.resolve("spring-boot-loader/" + launcher.replace('.', '/') + ".class"))
                .isRegularFile();
    }

    @Test
    void theImageLayoutStartsAndAnswersItsProbesWithoutWritingToTheAppDirectory(
            @TempDir Path app, @TempDir Path data, @TempDir Path logs) throws Exception {
        for (String source : DOCKERFILE.copiedFromStage("build")) {
            copyTree(buildStage.resolve(source.substring("/workspace/".length())), app);
        }
        List<String> imageFiles = filesIn(app);
        int port = freePort();
        List<String> command = new ArrayList<>(DOCKERFILE.entrypoint());
        command.set(0, javaExecutable());
        command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1"));
        ProcessBuilder image = new ProcessBuilder(command)
                .directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("console.log").toFile());
        image.environment().put("CONNECTOR_DATA_DIR", data.toString());
        image.environment().remove("DYNAMICS_ENVIRONMENT_URL");

        Process process = image.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            assertThat(awaitStatus(base.resolve("/livez"), process, Duration.ofMinutes(3)))
                    .as("/livez of the started image; console:%n%s", console(logs))
                    .isEqualTo(200);
            assertThat(awaitStatus(base.resolve("/readyz"), process, Duration.ofSeconds(30)))
                    .as("/readyz of the started image; console:%n%s", console(logs))
                    .isEqualTo(200);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertThat(filesIn(app))
                .as("the image's root filesystem is read-only: only /data and /tmp may be written")
                .isEqualTo(imageFiles);
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.map(path -> directory.relativize(path).toString())
                    .sorted()
                    .toList();
        }
    }

    /**
     * Polls until the URI answers 200 or a client error, or time runs out; returns the last status seen (-1: nothing
     * answered).
     */
    private static int awaitStatus(URI uri, Process process, Duration patience) throws InterruptedException {
        Instant giveUp = Instant.now().plus(patience);
        int status = -1;
        while (Instant.now().isBefore(giveUp) && process.isAlive()) {
            try {
                status = get(uri);
                if (status == 200 || (status >= 400 && status < 500)) {
                    return status;
                }
            } catch (IOException notListeningYet) {
                status = -1;
            }
            Thread.sleep(250);
        }
        return status;
    }

    private static int get(URI uri) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String console(Path logs) {
        try {
            return Files.readString(logs.resolve("console.log"));
        } catch (IOException e) {
            return "(no console output: " + e.getMessage() + ")";
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
