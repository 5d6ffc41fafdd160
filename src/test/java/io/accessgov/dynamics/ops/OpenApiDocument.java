package io.accessgov.dynamics.ops;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.core.util.Separators.Spacing;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The normal form of an OpenAPI document, so two of them compare as text, and a readable list of differences. */
final class OpenApiDocument {

    /** Servers springdoc derives from the request (a random test port), not part of the contract. */
    private static final Pattern GENERATED_SERVER = Pattern.compile("^https?://(127\\.0\\.0\\.1|localhost)(:\\d+)?/?$");

    private static final int MAX_DIFFERENCES = 25;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Two-space indentation and {@code "name": value}, as most JSON tools write it. */
    private static final DefaultPrettyPrinter PRETTY =
            new DefaultPrettyPrinter(Separators.createDefaultInstance().withObjectNameValueSpacing(Spacing.AFTER));

    private OpenApiDocument() {}

    /** Object keys sorted, generated loopback servers removed, pretty-printed, ending with a newline. */
    static String normalise(String json) {
        JsonNode document = MAPPER.readTree(json);
        if (document instanceof ObjectNode object && object.get("servers") instanceof ArrayNode servers) {
            for (Iterator<JsonNode> it = servers.iterator(); it.hasNext(); ) {
                if (GENERATED_SERVER.matcher(it.next().path("url").asString()).matches()) {
                    it.remove();
                }
            }
            if (servers.isEmpty()) {
                object.remove("servers");
            }
        }
        Object plain = MAPPER.treeToValue(document, Object.class);
        return MAPPER.writer().with(PRETTY).writeValueAsString(plain) + "\n";
    }

    /** Where two documents differ, as JSON pointers with both values, at most {@value #MAX_DIFFERENCES}. */
    static List<String> differences(String expected, String actual) {
        List<String> differences = new ArrayList<>();
        compare("", MAPPER.readTree(expected), MAPPER.readTree(actual), differences);
        return differences;
    }

    private static void compare(String pointer, JsonNode expected, JsonNode actual, List<String> differences) {
        if (differences.size() >= MAX_DIFFERENCES || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            for (String name : names) {
                compare(pointer + "/" + escape(name), expected.path(name), actual.path(name), differences);
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                compare(pointer + "/" + i, expected.get(i), actual.get(i), differences);
            }
        } else {
            differences.add((pointer.isEmpty() ? "/" : pointer) + ": " + brief(expected) + " -> " + brief(actual));
        }
    }

    private static String brief(JsonNode node) {
        if (node.isMissingNode()) {
            return "(absent)";
        }
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
