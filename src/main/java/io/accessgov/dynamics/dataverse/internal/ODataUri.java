package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.InvalidContinuation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds the URIs of the first request of a query, encoding each query option exactly once, and checks that a
 * paging link Dataverse returned still points into the configured API before it is followed verbatim.
 */
final class ODataUri {

    private final URI apiBase;
    private final String path;
    private final Map<String, String> options = new LinkedHashMap<>();

    private ODataUri(URI apiBase, String path) {
        this.apiBase = apiBase;
        this.path = path;
    }

    /** A request to {@code {apiBase}{path}}; the path is taken as already valid (entity sets, keys, functions). */
    public static ODataUri of(URI apiBase, String path) {
        return new ODataUri(apiBase, path);
    }

    /** {@code $select} of exactly these columns; names are logical names, so the list needs no encoding. */
    public ODataUri select(Collection<String> columns) {
        for (String column : columns) {
            if (!column.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not a column name: " + column);
            }
        }
        options.put("$select", String.join(",", columns));
        return this;
    }

    public ODataUri filter(@Nullable String filter) {
        if (filter != null) {
            options.put("$filter", filter);
        }
        return this;
    }

    public ODataUri option(String name, String value) {
        options.put(name, value);
        return this;
    }

    public URI build() {
        StringBuilder uri = new StringBuilder(apiBase.toString()).append(path);
        char separator = '?';
        for (Map.Entry<String, String> option : options.entrySet()) {
            String value = option.getKey().equals("$select") ? option.getValue() : encode(option.getValue());
            uri.append(separator).append(option.getKey()).append('=').append(value);
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    /**
     * Percent-encodes a query option value: everything but RFC 3986 unreserved characters and the harmless
     * {@code ( ) '} is written as {@code %xx} (UTF-8), so {@code $ & + , / : ; = ? @ %} and spaces inside literals
     * arrive as data. A comma between {@code $select} columns is kept readable.
     */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~()'".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    /**
     * Turns a paging link into a URI without re-encoding anything, after checking that its scheme, host, port and
     * path are the configured API's and the expected entity set's.
     *
     * @throws InvalidContinuation when the link leads anywhere else; nothing has been sent
     */
    public static URI continuation(URI apiBase, String entitySetPath, String link) {
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            throw new InvalidContinuation("The paging link is not a valid URI.", null, null);
        }
        String expectedPath = apiBase.getRawPath() + entitySetPath;
        boolean same = uri.isAbsolute()
                && uri.getRawUserInfo() == null
                && uri.getRawFragment() == null
                && apiBase.getScheme().equalsIgnoreCase(uri.getScheme())
                && apiBase.getHost() != null
                && apiBase.getHost().equalsIgnoreCase(uri.getHost())
                && port(apiBase) == port(uri)
                && Objects.equals(expectedPath, uri.getRawPath());
        if (!same) {
            throw new InvalidContinuation(
                    "The paging link does not lead to " + entitySetPath + " in the configured Dataverse environment.",
                    null,
                    null);
        }
        return uri;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
