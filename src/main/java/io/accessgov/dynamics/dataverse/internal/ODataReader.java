package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads OData collections and single records: the {@code Prefer} headers, the envelope and {@code @odata.nextLink}. */
final class ODataReader {

    /** Dataverse's largest (and default) page. */
    public static final int MAX_PAGE_SIZE = 5000;

    static final String FORMATTED_VALUES = "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"";

    private final DataverseHttp http;
    private final JsonMapper json;

    public ODataReader(DataverseHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    /** One page of rows and the link to the next one, exactly as Dataverse returned it. */
    public record RawPage(List<JsonNode> rows, @Nullable String nextLink) {}

    /** Reads the page at {@code uri} with {@code Prefer: odata.maxpagesize=pageSize}. */
    public RawPage page(URI uri, String target, int pageSize, boolean formattedValues) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1–" + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        List<String> prefer = new ArrayList<>();
        prefer.add("odata.maxpagesize=" + pageSize);
        if (formattedValues) {
            prefer.add(FORMATTED_VALUES);
        }
        JsonNode body = body(http.execute(DataverseHttp.Request.read(uri, target, prefer)));
        JsonNode value = body.path("value");
        if (!value.isArray()) {
            throw new DataverseRejectedRequest("Dataverse answered a query without a 'value' array.", null, null);
        }
        List<JsonNode> rows = new ArrayList<>(value.size());
        value.forEach(rows::add);
        JsonNode next = body.path("@odata.nextLink");
        return new RawPage(rows, next.isString() ? next.asString() : null);
    }

    /** Reads one record or function result; empty when Dataverse answers 404. */
    public Optional<JsonNode> one(URI uri, String target, boolean formattedValues) {
        List<String> prefer = formattedValues ? List.of(FORMATTED_VALUES) : List.of();
        try {
            return Optional.of(body(http.execute(DataverseHttp.Request.read(uri, target, prefer))));
        } catch (io.accessgov.dynamics.dataverse.RecordNotFound notFound) {
            return Optional.empty();
        }
    }

    private JsonNode body(DataverseHttp.Response response) {
        try {
            return json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new DataverseRejectedRequest("Dataverse answered with a body that is not JSON.", null, null);
        }
    }
}
