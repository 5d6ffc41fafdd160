package io.accessgov.dynamics.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.DataverseSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A request line or header block beyond Tomcat's limit is answered 414 or 431 as a problem, not a bare 400, and
 * logged as one line without a stack trace. Sent over a raw socket, byte for byte. The limit is named explicitly
 * (it is the default) so that this class gets a Tomcat of its own, whose first parse failure Tomcat would log.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "server.max-http-request-header-size=8KB"})
class OversizedRequestTest {

    @LocalServerPort
    int port;

    @Autowired
    DataverseSimulator simulator;

    @BeforeEach
    void forget() {
        simulator.requests().clear();
    }

    @Test
    void aTenKilobyteRequestLineIsAUriTooLongProblemLoggedWithoutAStackTrace(CapturedOutput output) throws IOException {
        Answer answer = send("GET /api/v1/accounts?search=" + "x".repeat(10_000) + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n");

        answer.assertProblem(414, "uri-too-long");
        assertThat(answer.problem().get("detail").asString())
                .contains("request line")
                .contains("8192 bytes");
        assertThat(answer.problem().has("instance")).isFalse();
        assertThat(output.getAll()).contains("Refused with 414 a request whose line");
        assertNoStackTrace(output);
        assertThat(simulator.requests().all()).isEmpty();
    }

    @Test
    void tenKilobytesOfHeadersAreARequestHeadersTooLargeProblemLoggedWithoutAStackTrace(CapturedOutput output)
            throws IOException {
        Answer answer = send("GET /api/v1/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Authorization: Bearer "
                + "y".repeat(10_000) + "\r\nConnection: close\r\n\r\n");

        answer.assertProblem(431, "request-headers-too-large");
        assertThat(answer.problem().get("detail").asString())
                .contains("headers")
                .contains("8192 bytes");
        assertThat(output.getAll()).contains("Refused with 431 a request whose line and headers");
        assertNoStackTrace(output);
        assertThat(simulator.requests().all()).isEmpty();
    }

    @Test
    void aMalformedHeaderThatIsNotTooLargeStaysABadRequest(CapturedOutput output) throws IOException {
        Answer answer = send(
                "GET /api/v1/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: x\r\n" + "Connection: close\r\n\r\n");

        answer.assertProblem(400, "bad-request");
        assertNoStackTrace(output);
    }

    @Test
    void justUnderTheLimitIsServed() throws IOException {
        Answer answer = send("GET /api/v1/accounts?pageSize=1&search="
                + "x".repeat(256 - 1).substring(0, 200) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                + "p".repeat(7_000) + "\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    }

    private static void assertNoStackTrace(CapturedOutput output) {
        assertThat(output.getAll())
                .doesNotContain("\tat ")
                .doesNotContain("\\tat ")
                .doesNotContain("stack_trace")
                .doesNotContain("Error parsing HTTP request header");
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new Answer(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A raw HTTP/1.1 answer. */
    private record Answer(String raw) {

        int status() {
            return Integer.parseInt(raw.substring(9, 12));
        }

        String headers() {
            return raw.substring(0, raw.indexOf("\r\n\r\n"));
        }

        JsonNode problem() {
            return Api.parse(raw.substring(raw.indexOf("\r\n\r\n") + 4));
        }

        void assertProblem(int status, String kind) {
            assertThat(status()).as(raw).isEqualTo(status);
            assertThat(headers()).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(problem().get("type").asString()).isEqualTo("urn:dynamics365-connector:problem:" + kind);
            assertThat(problem().get("status").asInt()).isEqualTo(status);
            assertThat(raw).doesNotContain("<html").doesNotContain("Exception");
        }
    }
}
