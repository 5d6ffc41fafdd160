package io.accessgov.dynamics.simulator;

import java.net.URI;
import java.util.UUID;

/**
 * An embedded Dataverse environment and Entra token endpoint, reachable only over HTTP on 127.0.0.1, faithful to
 * the documented Web API. It serves demo mode and the tests. It depends on nothing else in this service.
 *
 * <p>The environment URL and the authority are the same origin: the Web API lives under
 * {@code {environmentUrl}/api/data/v9.2/} and the token endpoint at {@code {authorityUrl}/{tenant}/oauth2/v2.0/token}.
 * Sign in with {@link #tenantId()}, {@link #clientId()} and {@link #clientSecret()} (the demo credentials below) and
 * the scope {@code {environmentUrl}/.default}.
 *
 * <pre>{@code
 * try (DataverseSimulator simulator = DataverseSimulator.start(SimulatorOptions.defaults())) {
 *     simulator.faults().inject(Fault.throttled(Duration.ofSeconds(2)).onPath("/systemusers"));
 *     ...
 *     assertThat(simulator.requests().dataverse()).hasSize(2);
 * }
 * }</pre>
 */
public final class DataverseSimulator implements AutoCloseable {

    /** The demo tenant (directory) id. */
    public static final String DEMO_TENANT_ID = "00000000-0000-0000-0000-00000000d365";
    /** The demo tenant's domain, accepted in the token path like the id. */
    public static final String DEMO_TENANT_DOMAIN = "contoso.onmicrosoft.com";
    /** The demo app registration's client (application) id; the seeded connector application user carries it. */
    public static final String DEMO_CLIENT_ID = "a11ce5ed-d365-4000-8000-00000000c0de";
    /** The demo client secret: a demo value, never a real credential. */
    public static final String DEMO_CLIENT_SECRET = "demo-secret-for-the-embedded-simulator-only";

    private final SimulatorServer server;
    private final Behaviour behaviour;
    private final Faults faults;
    private final RequestLog requests;
    private final Tokens tokens;
    private final SimulatorState state;
    private final URI environmentUrl;
    private final boolean testHooks;

    private DataverseSimulator(SimulatorOptions options) {
        this.behaviour = new Behaviour();
        this.faults = new Faults();
        this.testHooks = options.testHooks();
        this.requests = new RequestLog(testHooks);
        this.tokens = new Tokens(options.clock(), options.tokenLifetime());
        tokens.registerClient(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
        Organisation organisation = options.seed().build(UUID.fromString(DEMO_CLIENT_ID));
        Changes changes = new Changes(organisation, behaviour, options.clock());
        this.state = new SimulatorState(changes);
        this.server = new SimulatorServer(options.port(), options.clock(), faults, requests, behaviour);
        this.environmentUrl = URI.create("http://127.0.0.1:" + server.port());
        String environment = environmentUrl.toString();
        String webApiBase = environment + WebApi.ROOT;
        SkipToken skipTokens = new SkipToken();
        ChangeTracking tracking = new ChangeTracking(organisation, behaviour, options.clock());
        WebApi webApi = new WebApi(
                new WebApi.Parts(
                        organisation,
                        tokens,
                        new Throttling(options.clock(), behaviour),
                        behaviour,
                        new Reads(organisation, behaviour, skipTokens, tracking, webApiBase, options.maxPageSize()),
                        new DeltaReads(
                                organisation, behaviour, skipTokens, tracking, webApiBase, options.maxPageSize()),
                        tracking,
                        new Metadata(organisation, behaviour, tracking, webApiBase),
                        new Writes(changes, behaviour, webApiBase)),
                environment,
                DEMO_TENANT_ID);
        server.start(new TokenEndpoint(tokens, options.clock(), DEMO_TENANT_ID, environment), webApi);
    }

    /** Starts a simulator seeded with the demo organisation, listening on 127.0.0.1:{port} (0 picks a free port). */
    public static DataverseSimulator start(int port) {
        return start(SimulatorOptions.defaults().withPort(port));
    }

    /** Starts a simulator with these options. */
    public static DataverseSimulator start(SimulatorOptions options) {
        return new DataverseSimulator(options);
    }

    /** The environment URL, e.g. {@code http://127.0.0.1:51234}; the Web API lives under {@code /api/data/v9.2/}. */
    public URI environmentUrl() {
        return environmentUrl;
    }

    /** The Web API root, {@code {environmentUrl}/api/data/v9.2/}. */
    public URI webApiUrl() {
        return environmentUrl.resolve(WebApi.ROOT);
    }

    /** The Entra-shaped authority; its token endpoint is {@code {authority}/{tenant}/oauth2/v2.0/token}. */
    public URI authorityUrl() {
        return environmentUrl;
    }

    /** The token endpoint of the demo tenant. */
    public URI tokenUrl() {
        return environmentUrl.resolve("/" + DEMO_TENANT_ID + "/oauth2/v2.0/token");
    }

    public String tenantId() {
        return DEMO_TENANT_ID;
    }

    public String clientId() {
        return DEMO_CLIENT_ID;
    }

    public String clientSecret() {
        return DEMO_CLIENT_SECRET;
    }

    /** Switches for inferred behaviours and service-protection limits; may be changed while running. */
    public Behaviour behaviour() {
        return behaviour;
    }

    /**
     * Fault injection and added latency.
     *
     * @throws IllegalStateException when the simulator runs without test hooks
     */
    public Faults faults() {
        requireTestHooks("fault injection");
        return faults;
    }

    /**
     * Every request received, with its answer's status.
     *
     * @throws IllegalStateException when the simulator runs without test hooks: it records nothing then
     */
    public RequestLog requests() {
        requireTestHooks("the request log");
        return requests;
    }

    private void requireTestHooks(String hook) {
        if (!testHooks) {
            throw new IllegalStateException(hook + " is a test hook, off in this simulator (demo mode); start it with"
                    + " SimulatorOptions.defaults() or set dynamics.simulator.test-hooks=true");
        }
    }

    /** Registered clients, issued tokens and their lifetime. */
    public Tokens tokens() {
        return tokens;
    }

    /** Typed access to the tables, for test set-up and assertions. */
    public SimulatorState state() {
        return state;
    }

    /**
     * Runs a demo simulator until the process is stopped: {@code java -cp … DataverseSimulator [port]}. Prints the
     * environment URL and the demo credentials (which are fixed demo values, not secrets).
     */
    public static void main(String[] args) throws InterruptedException {
        DataverseSimulator simulator = start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("Dataverse simulator: environment " + simulator.environmentUrl() + ", token endpoint "
                + simulator.tokenUrl() + ", client id " + DEMO_CLIENT_ID + ", client secret " + DEMO_CLIENT_SECRET);
        Thread.currentThread().join();
    }

    /** Stops listening; hanging requests are released and their connections closed. */
    @Override
    public void close() {
        server.stop();
    }
}
