package io.accessgov.dynamics.scim;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code attributes} and {@code excludedAttributes} (RFC 7644 §3.4.2.5), read with the SCIM SDK's path parser:
 * which attributes of a resource to return. {@code id}, {@code schemas} and {@code meta} are always returned (RFC
 * 7643 §3.1 and §7 "returned: always"). Paths may name sub-attributes ({@code name.givenName}) and carry the schema's
 * URN; an extension's attributes are named by the extension's URN.
 */
final class AttributeSelection {

    private static final Set<String> ALWAYS = Set.of("id", "schemas", "meta");

    private final List<Path> paths;
    private final boolean excluded;

    private AttributeSelection(List<Path> paths, boolean excluded) {
        this.paths = paths;
        this.excluded = excluded;
    }

    /** Every attribute. */
    static final AttributeSelection ALL = new AttributeSelection(List.of(), true);

    /**
     * The selection the parameters ask for; {@code attributes} wins when both are given (RFC 7644 lets a service
     * provider decide).
     *
     * @throws ScimRefusal {@code invalidValue} when a name is not an attribute path
     */
    static AttributeSelection of(@Nullable String attributes, @Nullable String excludedAttributes, String coreSchema) {
        if (attributes != null && !attributes.isBlank()) {
            return new AttributeSelection(paths(attributes, "attributes", coreSchema), false);
        }
        if (excludedAttributes != null && !excludedAttributes.isBlank()) {
            return new AttributeSelection(paths(excludedAttributes, "excludedAttributes", coreSchema), true);
        }
        return ALL;
    }

    /** Whether the selected attributes include this top-level attribute of the core schema. */
    boolean returns(String attribute) {
        Path path = Path.root().attribute(attribute);
        return excluded
                ? paths.stream().noneMatch(path::equals)
                : paths.stream()
                        .anyMatch(selected ->
                                selected.size() >= 1 && selected.subPath(1).equals(path));
    }

    /** The resource with only the selected attributes; the node is changed in place and returned. */
    ObjectNode apply(ObjectNode resource) {
        if (paths.isEmpty()) {
            return resource;
        }
        trim(resource, Path.root(), null);
        for (Map.Entry<String, JsonNode> extension : extensions(resource)) {
            if (extension.getValue() instanceof ObjectNode values) {
                trim(values, Path.root(extension.getKey()), extension.getKey());
                if (values.isEmpty()) {
                    resource.remove(extension.getKey());
                }
            }
        }
        return resource;
    }

    private void trim(ObjectNode node, Path parent, @Nullable String extension) {
        Iterator<String> names = new ArrayList<>(node.propertyNames()).iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (parent.isRoot()
                    && extension == null
                    && (ALWAYS.contains(name) || name.toLowerCase(Locale.ROOT).startsWith("urn:"))) {
                continue;
            }
            Path path = parent.attribute(name);
            if (!selected(path)) {
                node.remove(name);
            } else if (!excluded && node.get(name) instanceof ObjectNode child && !named(path)) {
                trim(child, path, extension);
            }
        }
    }

    /** Whether the attribute at {@code path} (or, for attributes=, anything inside it) is selected. */
    private boolean selected(Path path) {
        if (excluded) {
            return !named(path);
        }
        return paths.stream().anyMatch(selected -> startsWith(selected, path) || startsWith(path, selected));
    }

    /** Whether the path itself or one of its parents is named. */
    private boolean named(Path path) {
        return paths.stream().anyMatch(selected -> startsWith(path, selected));
    }

    private static boolean startsWith(Path path, Path prefix) {
        if (prefix.size() > path.size()) {
            return false;
        }
        String pathUrn = path.getSchemaUrn() == null ? "" : path.getSchemaUrn();
        String prefixUrn = prefix.getSchemaUrn() == null ? "" : prefix.getSchemaUrn();
        if (!pathUrn.equalsIgnoreCase(prefixUrn)) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!path.getElement(i)
                    .getAttribute()
                    .equalsIgnoreCase(prefix.getElement(i).getAttribute())) {
                return false;
            }
        }
        return true;
    }

    private static List<Map.Entry<String, JsonNode>> extensions(ObjectNode resource) {
        return resource.properties().stream()
                .filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).startsWith("urn:"))
                .toList();
    }

    private static List<Path> paths(String list, String parameter, String coreSchema) {
        List<Path> paths = new ArrayList<>();
        for (String name : list.split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                Path path = Path.fromString(trimmed).withoutFilters();
                if (path.getSchemaUrn() != null && path.getSchemaUrn().equalsIgnoreCase(coreSchema)) {
                    path = Path.root().attribute(path); // the core schema's URN is the same as none
                }
                paths.add(path);
            } catch (BadRequestException e) {
                throw ScimRefusal.invalidValue(
                        "'" + trimmed + "' in " + parameter + " is not an attribute path: " + e.getMessage());
            }
        }
        return List.copyOf(paths);
    }
}
