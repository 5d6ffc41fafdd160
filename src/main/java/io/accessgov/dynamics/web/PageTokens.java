package io.accessgov.dynamics.web;

import io.accessgov.dynamics.dataverse.Continuation;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals where the next page is into an opaque, tamper-evident page token, and opens it again (docs/api.md §2).
 *
 * <p>A token is {@code base64url(version ‖ nonce ‖ AES-256-GCM(json))}, the version byte authenticated as
 * associated data. The JSON names the list ({@code kind}), a fingerprint of the filters the list was started with,
 * the Dataverse continuation and its page size. A token that does not open with this key, names another list or
 * was issued for other filters is refused with {@link InvalidPageToken} before anything is sent to Dataverse.
 * Safe for concurrent use.
 */
public final class PageTokens {

    /** Tokens longer than this are refused unread. */
    public static final int MAX_TOKEN_LENGTH = 4096;

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String START_AGAIN = "; start the list again without pageToken.";
    private static final String ENVIRONMENT_SEPARATOR = "@";

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json = JsonMapper.builder().build();

    /** @param key a 32-byte AES key */
    public PageTokens(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a page-token key has 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A token with a fresh random key: valid in this process only. */
    public static PageTokens withRandomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new PageTokens(key);
    }

    /**
     * The name of a list in one environment, e.g. {@code accounts@contoso}: a token issued for a list of one
     * environment is refused by the same list of another (docs/api.md §9).
     */
    public static String kind(String list, String environment) {
        return list + ENVIRONMENT_SEPARATOR + environment;
    }

    /**
     * A fingerprint of a list's normalised filters: equal filters give equal fingerprints. Pass every filter that
     * shapes the query, in a fixed order, nulls included.
     */
    public static String fingerprint(@Nullable Object... filters) {
        StringBuilder canonical = new StringBuilder();
        for (Object filter : filters) {
            String value = filter == null ? "\u0000" : filter.toString();
            canonical.append(value.length()).append(':').append(value).append('|');
        }
        return ENCODER.encodeToString(sha256(canonical.toString())).substring(0, 22);
    }

    /** A token for the page {@code next} points at, in the list {@code kind} with these filters. */
    public String issue(String kind, String fingerprint, Continuation next) {
        return seal(new Content(VERSION, kind, fingerprint, next.link(), null, next.pageSize()));
    }

    /**
     * A token for a list the service pages itself (not Dataverse): the next page starts after {@code after} in the
     * list's order. Lists use it through {@link CursorPages}.
     */
    public String issueCursor(String kind, String fingerprint, String after, int pageSize) {
        return seal(new Content(VERSION, kind, fingerprint, null, after, pageSize));
    }

    private String seal(Content content) {
        byte[] plain = json.writeValueAsBytes(content);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(new byte[] {VERSION});
            byte[] sealed = cipher.doFinal(plain);
            return ENCODER.encodeToString(ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The continuation sealed in {@code token}.
     *
     * @throws InvalidPageToken when the token was altered or forged, was sealed with another key, or belongs to
     *     another list or other filters
     */
    public Continuation redeem(String token, String kind, String fingerprint) {
        return redeem(token, kind, fingerprint, null);
    }

    /**
     * As {@link #redeem(String, String, String)}, and refuses a page size other than the one the list was started
     * with ({@code null}: the caller did not send one).
     */
    public Continuation redeem(String token, String kind, String fingerprint, @Nullable Integer pageSize) {
        Content content = openFor(token, kind, fingerprint);
        requireSamePageSize(pageSize, content.ps());
        if (content.link() == null) {
            throw new InvalidPageToken("The page token belongs to another list" + START_AGAIN);
        }
        return new Continuation(content.link(), content.ps());
    }

    /**
     * The cursor sealed in {@code token} by {@link #issueCursor}.
     *
     * @throws InvalidPageToken as {@link #redeem} does
     */
    public Cursor redeemCursor(String token, String kind, String fingerprint, @Nullable Integer pageSize) {
        Content content = openFor(token, kind, fingerprint);
        requireSamePageSize(pageSize, content.ps());
        if (content.after() == null) {
            throw new InvalidPageToken("The page token belongs to another list" + START_AGAIN);
        }
        return new Cursor(content.after(), content.ps());
    }

    private static void requireSamePageSize(@Nullable Integer requested, int sealed) {
        if (requested != null && requested != sealed) {
            throw new InvalidPageToken("The page size cannot change while paging: the token continues pages of "
                    + sealed + "; leave pageSize out or send " + sealed + ".");
        }
    }

    private Content openFor(String token, String kind, String fingerprint) {
        Content content = open(token);
        if (!kind.equals(content.kind())) {
            String sealedEnvironment = environmentOf(content.kind());
            if (sealedEnvironment != null
                    && listOf(content.kind()).equals(listOf(kind))
                    && !sealedEnvironment.equals(environmentOf(kind))) {
                throw new InvalidPageToken("The page token belongs to the same list in the environment '"
                        + sealedEnvironment + "'; page tokens are bound to their environment" + START_AGAIN);
            }
            throw new InvalidPageToken("The page token belongs to another list" + START_AGAIN);
        }
        if (!MessageDigest.isEqual(
                fingerprint.getBytes(StandardCharsets.UTF_8), content.fp().getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidPageToken("The page token was issued for other filters; send the same status,"
                    + " filters as on the first page, or start the list again without pageToken.");
        }
        return content;
    }

    private Content open(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidPageToken("The page token is not one this service issued" + START_AGAIN);
        }
        try {
            byte[] bytes = DECODER.decode(token);
            if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
                throw new InvalidPageToken("The page token is not one this service issued" + START_AGAIN);
            }
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
            cipher.updateAAD(bytes, 0, 1);
            byte[] plain = cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
            Content content = json.readValue(plain, Content.class);
            if (content.v() != VERSION
                    || content.kind() == null
                    || content.fp() == null
                    || (content.link() == null) == (content.after() == null)
                    || content.ps() < 1) {
                throw new InvalidPageToken("The page token is not one this service issued" + START_AGAIN);
            }
            return content;
        } catch (IllegalArgumentException | GeneralSecurityException | JacksonException e) {
            // altered, forged, truncated, or sealed with another key (e.g. before a restart without a configured key)
            throw new InvalidPageToken("The page token was altered, has expired with a restart of the service, or"
                    + " was not issued by it" + START_AGAIN);
        }
    }

    private static String listOf(String kind) {
        int at = kind.lastIndexOf(ENVIRONMENT_SEPARATOR);
        return at < 0 ? kind : kind.substring(0, at);
    }

    private static @Nullable String environmentOf(String kind) {
        int at = kind.lastIndexOf(ENVIRONMENT_SEPARATOR);
        return at < 0 ? null : kind.substring(at + 1);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Where a list the service pages itself goes on.
     *
     * @param after the last item of the previous page, in the list's order
     * @param pageSize the page size the list was started with
     */
    public record Cursor(String after, int pageSize) {}

    /** What a token carries: a Dataverse link or a cursor of our own. Short names keep tokens short. */
    record Content(
            int v,
            String kind,
            String fp,
            @Nullable String link,
            @Nullable String after,
            int ps) {}
}
