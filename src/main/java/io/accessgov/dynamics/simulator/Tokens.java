package io.accessgov.dynamics.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The simulated Entra directory's view of this environment: registered clients, issued access tokens and their
 * lifetime. Tests use it to shorten lifetimes, expire or revoke every token, and count token requests.
 */
public final class Tokens {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger grants = new AtomicInteger();
    private volatile Duration lifetime;

    private record Issued(String clientId, Instant expiresAt) {}

    Tokens(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Registers another app (client id and secret) that may sign in to this environment. */
    public Tokens registerClient(String clientId, String secret) {
        secrets.put(clientId, secret);
        return this;
    }

    /** The lifetime of tokens issued from now on ({@code expires_in}). */
    public Tokens lifetime(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive");
        }
        this.lifetime = value;
        return this;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Makes every issued token invalid now, as if it had expired. */
    public void expireAll() {
        Instant now = clock.instant();
        issued.replaceAll((token, grant) -> new Issued(grant.clientId(), now));
    }

    /** Forgets every issued token (a revoked token is rejected exactly like an unknown one). */
    public void revokeAll() {
        issued.clear();
    }

    /** How many requests reached the token endpoint (successful or not). */
    public int requestCount() {
        return requests.get();
    }

    /** How many tokens were issued. */
    public int issuedCount() {
        return grants.get();
    }

    void countRequest() {
        requests.incrementAndGet();
    }

    boolean knowsClient(String clientId) {
        return secrets.containsKey(clientId);
    }

    boolean secretMatches(String clientId, String secret) {
        String expected = secrets.get(clientId);
        return expected != null
                && java.security.MessageDigest.isEqual(
                        expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    String issue(String clientId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "sim." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(token, new Issued(clientId, clock.instant().plus(lifetime)));
        grants.incrementAndGet();
        return token;
    }

    /** The client a valid, unexpired token belongs to, or null. */
    @Nullable
    String clientOf(String token) {
        Issued grant = issued.get(token);
        if (grant == null || !clock.instant().isBefore(grant.expiresAt())) {
            return null;
        }
        return grant.clientId();
    }
}
