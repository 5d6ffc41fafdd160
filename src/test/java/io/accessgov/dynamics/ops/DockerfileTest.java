package io.accessgov.dynamics.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.ops.DockerfileInstructions.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the Dockerfile promises about the image, checked on its text (there is no Docker engine here). */
class DockerfileTest {

    private static final Pattern SECRET_LIKE_NAME =
            Pattern.compile("(?i).*(secret|password|passwd|token|credential|private_?key|api_?key).*");

    private final DockerfileInstructions dockerfile = DockerfileInstructions.read(Path.of("Dockerfile"));

    @Test
    void buildsWithAJdk17AndRunsOnAJre17() {
        List<Instruction> stages = dockerfile.all("FROM");

        assertThat(stages).as("a build stage and a runtime stage").hasSizeGreaterThanOrEqualTo(2);
        assertThat(dockerfile.baseImage(stages.get(0))).contains(":17-jdk");
        assertThat(dockerfile.baseImage(stages.get(stages.size() - 1)))
                .as("runtime base image")
                .contains(":17-jre")
                .doesNotContain("jdk");
    }

    @Test
    void runsAsAFixedNumericNonRootUser() {
        List<Instruction> users = dockerfile.finalStage("USER");

        assertThat(users).as("USER in the final stage").isNotEmpty();
        String user = users.get(users.size() - 1).arguments();
        assertThat(user)
                .as("numeric uid:gid, so Kubernetes' runAsNonRoot can check it")
                .isEqualTo("10001:10001");
        assertThat(dockerfile.finalStage("RUN"))
                .extracting(Instruction::arguments)
                .anySatisfy(run -> assertThat(run).contains("--uid 10001").contains("--gid 10001"));
    }

    @Test
    void copiesEachSpringBootLayerSeparatelyFromTheBuildStage() {
        assertThat(dockerfile.copiedFromStage("build"))
                .containsExactly(
                        "/workspace/extracted/dependencies/",
                        "/workspace/extracted/spring-boot-loader/",
                        "/workspace/extracted/snapshot-dependencies/",
                        "/workspace/extracted/application/");
    }

    @Test
    void extractsTheLayersWithSpringBootsJarModeTools() {
        assertThat(LayerExtraction.commandIn(dockerfile))
                .containsSubsequence("java", "-Djarmode=tools", "-jar", "extract", "--layers", "--launcher");
    }

    @Test
    void recordsTheCommitFromTheRevisionBuildArgumentAsTheBuildContextHasNoGitDirectory() {
        assertThat(dockerfile.all("RUN")).extracting(Instruction::arguments).anySatisfy(run -> assertThat(run)
                .contains("git.commit.id=%s")
                .contains("\"${REVISION}\"")
                .contains("> src/main/resources/git.properties")
                .contains("-Dmaven.gitcommitid.skip=true package"));
    }

    @Test
    void startsTheLauncherOfTheExtractedLayersWithBoundedHeapAndTmpAsTempDirectory() {
        List<String> entrypoint = dockerfile.entrypoint();

        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint)
                .contains("-Djava.io.tmpdir=/tmp")
                .anyMatch(argument -> argument.startsWith("-XX:MaxRAMPercentage="))
                .endsWith("org.springframework.boot.loader.launch.JarLauncher");
    }

    @Test
    void keepsSyncSnapshotsInTheDataVolume() {
        assertThat(dockerfile.environment()).containsEntry("CONNECTOR_DATA_DIR", "/data");
        assertThat(dockerfile.finalStage("VOLUME"))
                .extracting(Instruction::arguments)
                .containsExactly("[\"/data\"]");
        assertThat(dockerfile.finalStage("RUN"))
                .extracting(Instruction::arguments)
                .anySatisfy(run -> assertThat(run).contains("chown 10001:10001 /data"));
    }

    @Test
    void holdsNoSecrets() {
        List<Instruction> declarations = dockerfile.instructions().stream()
                .filter(i -> i.keyword().equals("ENV") || i.keyword().equals("ARG"))
                .toList();

        assertThat(declarations)
                .extracting(Instruction::arguments)
                .noneMatch(arguments -> SECRET_LIKE_NAME.matcher(arguments).matches());
        assertThat(dockerfile.environment()).doesNotContainKey("DYNAMICS_CLIENT_SECRET");
    }

    @Test
    void listensOnEveryInterfaceOfTheContainerAlthoughDemoModeDefaultsToLoopback() {
        assertThat(dockerfile.environment()).containsEntry("SERVER_ADDRESS", "0.0.0.0");
    }

    @Test
    void exposesTheHttpPortAndLeavesHealthToTheOrchestrator() {
        assertThat(dockerfile.finalStage("EXPOSE"))
                .extracting(Instruction::arguments)
                .containsExactly("8080");
        assertThat(dockerfile.all("HEALTHCHECK")).isEmpty();
    }

    @Test
    void labelsTheImageWithOpenContainersAnnotations() {
        assertThat(dockerfile.finalStage("LABEL"))
                .extracting(Instruction::arguments)
                .anySatisfy(label -> assertThat(label)
                        .contains("org.opencontainers.image.title=")
                        .contains("org.opencontainers.image.version=")
                        .contains("org.opencontainers.image.revision="));
    }

    @Test
    void sendsOnlyTheBuildInputsToTheDockerDaemon() throws IOException {
        List<String> rules = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();

        assertThat(rules.get(0)).as("ignore everything first").isEqualTo("*");
        assertThat(rules).contains("!mvnw", "!pom.xml", "!.mvn/", "!src/").doesNotContain("!target/");
    }
}
