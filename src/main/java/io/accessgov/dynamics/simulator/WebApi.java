package io.accessgov.dynamics.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Web API below {@code /api/data/v9.2/}: bearer check, service protection, and routing to the functions, entity
 * sets, single records, navigation reads and writes.
 */
final class WebApi {

    static final String ROOT = "/api/data/v9.2/";
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_.$]+)(?:\\((.*)\\))?");

    private final Organisation organisation;
    private final Tokens tokens;
    private final Throttling throttling;
    private final Behaviour behaviour;
    private final Reads reads;
    private final DeltaReads deltas;
    private final ChangeTracking tracking;
    private final Metadata metadata;
    private final Writes writes;
    private final String webApiBase;
    private final String wwwAuthenticate;

    /** What the Web API serves with: the organisation's reads and writes, and what guards them. */
    record Parts(
            Organisation organisation,
            Tokens tokens,
            Throttling throttling,
            Behaviour behaviour,
            Reads reads,
            DeltaReads deltas,
            ChangeTracking tracking,
            Metadata metadata,
            Writes writes) {}

    WebApi(Parts parts, String environmentUrl, String tenantId) {
        this.organisation = parts.organisation();
        this.tokens = parts.tokens();
        this.throttling = parts.throttling();
        this.behaviour = parts.behaviour();
        this.reads = parts.reads();
        this.deltas = parts.deltas();
        this.tracking = parts.tracking();
        this.metadata = parts.metadata();
        this.writes = parts.writes();
        this.webApiBase = environmentUrl + ROOT;
        this.wwwAuthenticate = "Bearer authorization_uri=https://login.microsoftonline.com/" + tenantId
                + "/oauth2/authorize, resource_id=" + environmentUrl + "/";
    }

    /** A parsed path segment: {@code name} or {@code name(key)}. */
    record Segment(String name, @Nullable String key, String raw) {}

    /** Serves a Web API call; {@code work} (added latency) runs inside the throttling permit, as real work would. */
    void handle(Call call, Runnable work) {
        call.header("OData-Version", "4.0");
        String clientId = authenticate(call);
        if (clientId == null) {
            call.header("WWW-Authenticate", wwwAuthenticate);
            call.empty(401);
            return;
        }
        call.clientId(clientId);
        Throttling.Permit permit = throttling.admit(clientId);
        call.header("x-ms-ratelimit-burst-remaining-xrm-requests", Integer.toString(permit.remainingRequests()));
        call.header("x-ms-ratelimit-time-remaining-xrm-requests", Long.toString(permit.remainingMillis()));
        call.header("x-ms-dop-hint", Integer.toString(behaviour.dopHint()));
        long started = System.nanoTime();
        try {
            work.run();
            route(call);
        } finally {
            throttling.finish(permit, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private @Nullable String authenticate(Call call) {
        String authorization = call.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return tokens.clientOf(authorization.substring(7).trim());
    }

    private void route(Call call) {
        String rawResourcePath = call.rawPath().substring(ROOT.length());
        List<Segment> segments = segments(rawResourcePath);
        if (segments.isEmpty()) {
            throw ODataError.segmentNotFound("");
        }
        Segment first = segments.get(0);
        boolean entitySetRead = call.method().equals("GET")
                && Schema.bySet(first.name()) != null
                && first.key() == null
                && (segments.size() == 1
                        || (segments.size() == 2 && segments.get(1).raw().equals("$count")));
        Prefer prefer = Prefer.parse(call.headers("Prefer"));
        QueryOptions query = QueryOptions.parse(call.rawQuery(), entitySetRead, prefer.trackChanges());
        switch (first.raw()) {
            case "WhoAmI", "WhoAmI()" -> {
                onlyGet(call, segments);
                whoAmI(call);
                return;
            }
            case "RetrieveVersion", "RetrieveVersion()" -> {
                onlyGet(call, segments);
                retrieveVersion(call);
                return;
            }
            case "$batch", "$metadata" ->
                throw new ODataError(501, "0x80040203", "The simulator does not support " + first.raw() + ".");
            default -> {}
        }
        if (first.name().equals(Metadata.SET)) {
            metadata.handle(call, segments, query);
            return;
        }
        TableDef def = Schema.bySet(first.name());
        if (def == null) {
            throw ODataError.segmentNotFound(first.name());
        }
        Table table = organisation.table(def.setName());
        if (first.key() == null) {
            collectionRoute(call, def, segments, rawResourcePath, query, prefer);
            return;
        }
        UUID id = key(first);
        Row row = find(def, table, id);
        if (segments.size() == 1) {
            if (!call.method().equals("GET")) {
                throw unsupported(call, def);
            }
            if (row == null) {
                throw ODataError.recordMissing(def.entityName(), id);
            }
            reads.single(call, def, row, query);
            return;
        }
        Segment second = segments.get(1);
        if (second.name().startsWith("Microsoft.Dynamics.CRM.") && segments.size() == 2 && second.key() == null) {
            if (!call.method().equals("POST")) {
                throw ODataError.noResource();
            }
            synchronized (organisation) {
                writes.action(call, def, id, second.name().substring("Microsoft.Dynamics.CRM.".length()));
            }
            return;
        }
        Schema.Navigation navigation = Schema.navigation(def.setName(), second.name());
        if (navigation == null) {
            throw ODataError.segmentNotFound(second.name());
        }
        boolean ref = segments.size() == 3 && segments.get(2).raw().equals("$ref");
        if (segments.size() > 3 || (segments.size() == 3 && !ref)) {
            throw ODataError.segmentNotFound(segments.get(segments.size() - 1).raw());
        }
        if (ref) {
            UUID otherId = second.key() == null ? null : key(second);
            switch (call.method()) {
                case "POST" -> {
                    if (otherId != null) {
                        throw ODataError.noResource();
                    }
                    synchronized (organisation) {
                        writes.associate(call, def, id, navigation);
                    }
                }
                case "DELETE" -> {
                    synchronized (organisation) {
                        writes.disassociate(call, def, id, navigation, otherId, query.get("$id"));
                    }
                }
                default -> throw ODataError.noResource();
            }
            return;
        }
        if (!call.method().equals("GET") || second.key() != null) {
            throw ODataError.noResource();
        }
        if (row == null) {
            throw ODataError.recordMissing(def.entityName(), id);
        }
        TableDef target = Schema.bySet(navigation.targetSet());
        Row[] related = organisation.related(navigation, id);
        reads.collection(call, target, related, rawResourcePath, query);
    }

    private void collectionRoute(
            Call call,
            TableDef def,
            List<Segment> segments,
            String rawResourcePath,
            QueryOptions query,
            Prefer prefer) {
        boolean copies = behaviour.rolePrivilegesOnCopies();
        if (segments.size() == 2
                && segments.get(1).raw().equals("$count")
                && call.method().equals("GET")) {
            if (query.get("$deltatoken") != null) {
                deltas.count(call, def, () -> organisation.readable(def, copies), query);
            } else {
                reads.count(call, organisation.readable(def, copies));
            }
            return;
        }
        if (segments.size() > 1) {
            throw ODataError.segmentNotFound(segments.get(1).raw());
        }
        switch (call.method()) {
            case "GET" -> {
                if (query.get("$deltatoken") != null) {
                    deltas.read(call, def, () -> organisation.readable(def, copies), rawResourcePath, query);
                } else if (prefer.trackChanges() && tracking.accepts(def)) {
                    long from = organisation.currentVersion();
                    reads.collection(call, def, organisation.readable(def, copies), rawResourcePath, query, from);
                } else {
                    reads.collection(call, def, organisation.readable(def, copies), rawResourcePath, query);
                }
            }
            case "POST" -> {
                if (def.intersect()) {
                    throw ODataError.badRequest(
                            "0x80040800",
                            "The 'Create' method does not support entities of type '" + def.entityName()
                                    + "'. MessageProcessorCache returned MessageProcessor.Empty. ");
                }
                throw unsupported(call, def);
            }
            default -> throw ODataError.noResource();
        }
    }

    private @Nullable Row find(TableDef def, Table table, UUID id) {
        if (def == Schema.ROLEPRIVILEGES && behaviour.rolePrivilegesOnCopies()) {
            Row[] rows = organisation.readable(def, true);
            int index = Table.search(rows, id);
            return index >= 0 ? rows[index] : null;
        }
        return table.find(id);
    }

    private void whoAmI(Call call) {
        Row caller = organisation.users().find(organisation.callerUserId());
        Object unit = caller == null ? null : caller.get(Schema.SYSTEMUSER.required("_businessunitid_value"));
        call.json(200, json -> {
            json.writeStartObject();
            json.writeStringProperty("@odata.context", webApiBase + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
            json.writeStringProperty("BusinessUnitId", String.valueOf(unit));
            json.writeStringProperty("UserId", organisation.callerUserId().toString());
            json.writeStringProperty(
                    "OrganizationId", organisation.organizationId().toString());
            json.writeEndObject();
        });
    }

    private void retrieveVersion(Call call) {
        call.json(200, json -> {
            json.writeStartObject();
            json.writeStringProperty(
                    "@odata.context", webApiBase + "$metadata#Microsoft.Dynamics.CRM.RetrieveVersionResponse");
            json.writeStringProperty("Version", organisation.platformVersion());
            json.writeEndObject();
        });
    }

    private static void onlyGet(Call call, List<Segment> segments) {
        if (!call.method().equals("GET") || segments.size() != 1) {
            throw ODataError.noResource();
        }
    }

    private static ODataError unsupported(Call call, TableDef def) {
        return new ODataError(
                501,
                "0x80040203",
                "The simulator does not support " + call.method() + " on " + def.setName() + " records.");
    }

    static UUID key(Segment segment) {
        String key = segment.key();
        if (key == null || key.isBlank()) {
            throw ODataError.syntax("Bad Request - Error in query syntax.");
        }
        if (key.contains("=")) {
            throw new ODataError(501, "0x80040203", "The simulator does not support alternate keys ('" + key + "').");
        }
        try {
            if (key.length() != 36) {
                throw new IllegalArgumentException(key);
            }
            UUID id = UUID.fromString(key);
            if (id.getMostSignificantBits() == 0 && id.getLeastSignificantBits() == 0) {
                throw ODataError.badRequest("0x80040203", "Expected non-empty Guid.");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw ODataError.syntax("Bad Request - Error in query syntax. The key '" + key + "' of the segment '"
                    + segment.name() + "' is not a valid Guid.");
        }
    }

    static List<Segment> segments(String rawResourcePath) {
        List<Segment> segments = new ArrayList<>();
        for (String rawSegment : rawResourcePath.split("/", -1)) {
            String decoded;
            try {
                decoded = URLDecoder.decode(rawSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ODataError.syntax("The request URI is not correctly percent-encoded.");
            }
            if (decoded.isEmpty()) {
                if (segments.isEmpty()) {
                    continue;
                }
                throw ODataError.segmentNotFound("");
            }
            Matcher m = SEGMENT.matcher(decoded);
            if (!m.matches()) {
                throw ODataError.segmentNotFound(decoded);
            }
            segments.add(new Segment(m.group(1), m.group(2), decoded));
        }
        return segments;
    }
}
