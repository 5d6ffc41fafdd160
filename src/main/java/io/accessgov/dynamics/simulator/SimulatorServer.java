package io.accessgov.dynamics.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP side: one {@link HttpServer} on 127.0.0.1 serving the token endpoint and the Web API, with fault
 * injection, added latency and the request log applied to every exchange.
 */
final class SimulatorServer {

    private static final Logger LOG = Logger.getLogger(SimulatorServer.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Clock clock;
    private final Faults faults;
    private final RequestLog log;
    private final Behaviour behaviour;
    private TokenEndpoint tokenEndpoint;
    private WebApi webApi;

    SimulatorServer(int port, Clock clock, Faults faults, RequestLog log, Behaviour behaviour) {
        this.clock = clock;
        this.faults = faults;
        this.log = log;
        this.behaviour = behaviour;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("The Dataverse simulator cannot listen on 127.0.0.1:" + port, e);
        }
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "dataverse-simulator-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    int port() {
        return server.getAddress().getPort();
    }

    void start(TokenEndpoint tokens, WebApi api) {
        this.tokenEndpoint = tokens;
        this.webApi = api;
        server.start();
    }

    void stop() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        Instant received = clock.instant();
        Call call;
        try {
            call = new Call(exchange);
        } catch (IOException e) {
            exchange.close();
            return;
        }
        call.onAnswer(answered -> log.add(record(answered, received)));
        try {
            serve(call);
        } catch (ODataError error) {
            call.error(error);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "The Dataverse simulator failed on " + call.method() + " " + call.uri(), e);
            if (!call.answered()) {
                call.error(new ODataError(500, "0x80040216", "An unexpected error occurred."));
            }
        } finally {
            if (!call.answered()) {
                log.add(record(call, received));
                call.drop();
            }
        }
    }

    private static RecordedRequest record(Call call, Instant received) {
        return new RecordedRequest(
                received,
                call.method(),
                call.uri(),
                call.headerSnapshot(),
                recordedBody(call),
                call.status(),
                call.requestId(),
                call.clientId());
    }

    private void serve(Call call) {
        Fault fault = faults.take(call.method(), call.rawPath());
        Duration delay = faults.addedLatency();
        if (fault != null) {
            switch (fault.kind()) {
                case DELAY -> delay = delay.plus(fault.delay());
                case ANSWER_LATE -> call.beforeAnswer(() -> sleep(fault.delay()));
                case TRUNCATED_BODY -> call.truncateBody();
                case REVOKE_TOKENS -> tokenEndpoint.revokeAll();
                case HANG -> {
                    await();
                    return;
                }
                case DROP_CONNECTION -> {
                    return;
                }
                case STATUS -> {
                    sleep(delay);
                    answerFault(call, fault);
                    return;
                }
            }
        }
        String tenant = TokenEndpoint.tenantOf(call.rawPath());
        if (tenant != null) {
            sleep(delay);
            tokenEndpoint.handle(call, tenant);
        } else if (call.rawPath().startsWith(WebApi.ROOT)) {
            Duration inside = delay;
            log.started();
            try {
                webApi.handle(call, () -> sleep(inside));
            } finally {
                log.finished();
            }
        } else {
            call.text(404, "text/plain;charset=utf-8", "Not Found");
        }
    }

    private void answerFault(Call call, Fault fault) {
        if (fault.retryAfter() != null) {
            long seconds = Math.max(0, fault.retryAfter().toSeconds());
            call.header(
                    "Retry-After",
                    behaviour.retryAfterAsHttpDate()
                            ? DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                    clock.instant().plusSeconds(seconds).atOffset(ZoneOffset.UTC))
                            : Long.toString(seconds));
        }
        int status = fault.status();
        if (!fault.jsonBody()) {
            String reason = reason(status);
            call.text(
                    status,
                    "text/html",
                    "<html><head><title>" + status + " " + reason + "</title></head><body>" + "<h1>" + status + " "
                            + reason + "</h1></body></html>");
            return;
        }
        if (status == 429) {
            call.error(new ODataError(
                    429,
                    "0x80072322",
                    "Number of requests exceeded the limit of "
                            + behaviour.requestLimit() + " over time window of "
                            + behaviour.requestWindow().toSeconds()
                            + " seconds."));
        } else {
            call.error(new ODataError(
                    status, "0x80040216", status == 500 ? "An unexpected error occurred." : reason(status) + "."));
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }

    private void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            closing.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void await() {
        try {
            closing.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String recordedBody(Call call) {
        String body = new String(call.body(), StandardCharsets.UTF_8);
        return body.replaceAll("(client_secret=)[^&]*", "$1***");
    }
}
