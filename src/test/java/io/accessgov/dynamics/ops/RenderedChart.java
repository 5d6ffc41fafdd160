package io.accessgov.dynamics.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Kubernetes objects {@code helm template} rendered, as JSON trees to navigate with JSON pointers. */
record RenderedChart(List<JsonNode> objects) {

    static RenderedChart parse(String manifests) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<JsonNode> objects = new ArrayList<>();
        for (Object document : yaml.loadAll(manifests)) {
            if (document instanceof Map<?, ?> object) {
                objects.add(JsonMapper.shared().valueToTree(object));
            }
        }
        return new RenderedChart(List.copyOf(objects));
    }

    List<String> kinds() {
        return objects.stream().map(object -> object.path("kind").asString()).toList();
    }

    boolean has(String kind) {
        return kinds().contains(kind);
    }

    /** The one object of this kind; fails when there is none or more than one. */
    JsonNode the(String kind) {
        List<JsonNode> matches = objects.stream()
                .filter(object -> object.path("kind").asString().equals(kind))
                .toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one " + kind + " but the chart rendered " + kinds());
        }
        return matches.get(0);
    }

    JsonNode podSpec() {
        return the("Deployment").at("/spec/template/spec");
    }

    JsonNode container() {
        JsonNode containers = podSpec().path("containers");
        if (containers.size() != 1) {
            throw new AssertionError("expected one container but found " + containers.size());
        }
        return containers.get(0);
    }

    /** The container's environment variable of this name, or a missing node. */
    JsonNode env(String name) {
        for (JsonNode variable : container().path("env")) {
            if (variable.path("name").asString().equals(name)) {
                return variable;
            }
        }
        return JsonMapper.shared().missingNode();
    }

    /** The pod volume mounted at this path. */
    JsonNode volumeMountedAt(String mountPath) {
        String volumeName = null;
        for (JsonNode mount : container().path("volumeMounts")) {
            if (mount.path("mountPath").asString().equals(mountPath)) {
                volumeName = mount.path("name").asString();
            }
        }
        if (volumeName == null) {
            throw new AssertionError("nothing is mounted at " + mountPath);
        }
        for (JsonNode volume : podSpec().path("volumes")) {
            if (volume.path("name").asString().equals(volumeName)) {
                return volume;
            }
        }
        throw new AssertionError("volume " + volumeName + " is mounted at " + mountPath + " but not declared");
    }
}
