package io.accessgov.dynamics.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** The faults of a storm, as any HTTP client sees them: an answer cut short, revoked tokens, a slow sign-in. */
class StormFaultsTest {

    DataverseSimulator simulator;
    SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = DataverseSimulator.start(SimulatorOptions.defaults());
        client = new SimulatorClient(simulator);
        client.token();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aTruncatedBodyIsACompleteAnswerWithHalfTheJson() {
        String whole = client.get("roles?$select=name").body();
        simulator.faults().inject(Fault.truncatedBody().onPath("/roles"));

        HttpResponse<String> cut = client.get("roles?$select=name");

        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(cut.headers().firstValueAsLong("Content-Length"))
                .hasValue(cut.body().length());
        assertThat(cut.body()).hasSize(whole.length() / 2);
        assertThat(whole).startsWith(cut.body());
        assertThatThrownBy(() -> SimulatorClient.json(cut.body())).isInstanceOf(JacksonException.class);
        assertThat(client.get("roles?$select=name").body())
                .as("only the next matching answer is cut")
                .isEqualTo(whole);
    }

    @Test
    void aRevokedTokenFailsEveryRequestUntilTheClientSignsInAgain() {
        simulator.faults().inject(Fault.revokedToken());
        int issued = simulator.tokens().issuedCount();

        HttpResponse<String> revoked = client.get("WhoAmI");
        HttpResponse<String> stillRevoked = client.get("WhoAmI");
        client.forgetToken();
        HttpResponse<String> signedInAgain = client.get("WhoAmI");

        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(header -> assertThat(header).startsWith("Bearer "));
        assertThat(stillRevoked.statusCode()).isEqualTo(401);
        assertThat(signedInAgain.statusCode()).isEqualTo(200);
        assertThat(simulator.tokens().issuedCount()).isEqualTo(issued + 1);
        assertThat(simulator.faults().pending()).isZero();
    }

    @Test
    void aRevokedTokenFaultWaitsForAWebApiRequest() {
        simulator.faults().inject(Fault.revokedToken());

        client.forgetToken();
        client.token(); // a token request does not trigger the fault

        assertThat(simulator.faults().pending()).isEqualTo(1);
        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(401);
    }

    @Test
    void aSlowTokenEndpointStillIssuesTheToken() {
        simulator.faults().inject(Fault.slowTokenEndpoint(Duration.ofMillis(600)));
        client.forgetToken();
        long started = System.nanoTime();

        String token = client.token();

        assertThat(token).isNotBlank();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(simulator.requests().tokenRequests()).last().satisfies(request -> assertThat(request.status())
                .isEqualTo(200));
    }
}
