package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

/** Assembles the client from its parts; used by the Spring configuration and by tests that drive it directly. */
public final class DataverseWiring {

    /** The first retry waits about this long; later ones double it. */
    static final Duration BASE_BACKOFF = Duration.ofMillis(250);

    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private DataverseWiring() {}

    /** A complete client for {@code connection}, its meters tagged with the environment {@code default}. */
    public static WebApiDataverseClient client(
            DataverseConnection connection,
            DynamicsProperties.Http limits,
            WebClient.Builder webClientBuilder,
            MeterRegistry meterRegistry,
            AccountClassifier classifier,
            Clock clock,
            Sleeper sleeper) {
        return client(
                DataverseMetrics.DEFAULT_ENVIRONMENT,
                connection,
                limits,
                webClientBuilder,
                meterRegistry,
                classifier,
                clock,
                sleeper);
    }

    /**
     * A complete client for the environment {@code environment} at {@code connection}: its own token cache,
     * connection pool, concurrency bound and retry budgets, and meters tagged with its name.
     */
    public static WebApiDataverseClient client(
            String environment,
            DataverseConnection connection,
            DynamicsProperties.Http limits,
            WebClient.Builder webClientBuilder,
            MeterRegistry meterRegistry,
            AccountClassifier classifier,
            Clock clock,
            Sleeper sleeper) {
        JsonMapper json = JsonMapper.builder().build();
        DataverseMetrics metrics = new DataverseMetrics(meterRegistry, environment);
        TokenSource tokens = OAuthWiring.tokenSource(
                connection,
                limits.connectTimeout(),
                limits.readTimeout(),
                limits.tokenRefreshSkew(),
                clock,
                metrics,
                json);
        RetryPolicy policy = new RetryPolicy(
                limits.maxAttempts(), limits.deadline(), BASE_BACKOFF, MAX_BACKOFF, () -> ThreadLocalRandom.current()
                        .nextDouble());
        DataverseHttp http = new DataverseHttp(
                webClient(webClientBuilder, limits),
                tokens,
                policy,
                policy.withBudget(
                        limits.background().maxAttempts(), limits.background().deadline()),
                new DataverseErrorDecoder(json, clock),
                new ConcurrencyLimit(limits.maxConcurrentRequests()),
                metrics,
                clock,
                sleeper,
                limits.readTimeout());
        return new WebApiDataverseClient(
                connection,
                new ODataReader(http, json),
                new ColumnSupport(),
                classifier,
                new LinkWriter(http, policy, metrics, clock, sleeper));
    }

    /**
     * A WebClient on Reactor Netty with connect and response timeouts. Nothing stores cookies (Dataverse's
     * ARRAffinity cookie would pin every request to one web server); redirects are not followed.
     */
    public static WebClient webClient(WebClient.Builder builder, DynamicsProperties.Http limits) {
        ConnectionProvider pool = ConnectionProvider.builder("dataverse")
                .maxConnections(limits.maxConcurrentRequests())
                .pendingAcquireTimeout(limits.deadline())
                .maxIdleTime(Duration.ofSeconds(50))
                .build();
        HttpClient httpClient = HttpClient.create(pool)
                .option(
                        ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        Math.toIntExact(limits.connectTimeout().toMillis()))
                .responseTimeout(limits.readTimeout())
                .followRedirect(false);
        return builder.clone()
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .build();
    }
}
