package io.accessgov.dynamics.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document the running service serves (demo mode) is the one committed as {@code docs/openapi.json}:
 * the contract people and linters read cannot drift from the code unnoticed. Regenerate it with
 * {@value #REGENERATE}.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "connector.data-dir=target/openapi-document-test/data"})
class OpenApiDocumentDriftTest {

    static final String REGENERATE = "./mvnw -Dopenapi.update=true -Dtest=OpenApiDocumentDriftTest test";
    private static final Path COMMITTED = Path.of("docs", "openapi.json");

    @LocalServerPort
    int port;

    @Test
    void servedDocumentIsTheCommittedOne() throws Exception {
        String served = OpenApiDocument.normalise(fetch("/v3/api-docs"));

        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served);
        }

        assertThat(COMMITTED)
                .as("%s is missing; generate it with:%n  %s", COMMITTED, REGENERATE)
                .isRegularFile();
        String committed = Files.readString(COMMITTED);
        List<String> differences = OpenApiDocument.differences(committed, served);
        assertThat(differences)
                .as(
                        "the served OpenAPI document differs from %s. If the change is intended, regenerate it with%n"
                                + "  %s%nand commit it. Differences (committed -> served)",
                        COMMITTED, REGENERATE)
                .isEmpty();
        assertThat(committed)
                .as("%s is not in normal form; regenerate it with%n  %s", COMMITTED, REGENERATE)
                .isEqualTo(served);
    }

    private String fetch(String path) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }
}
