package io.streamlearn.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The documents of one {@code helm template} output. Kinds of the Kubernetes core API are read into
 * fabric8's typed model with unknown fields rejected; custom resources (KEDA, Prometheus Operator,
 * Strimzi) have no typed model here and stay JSON trees. A kind the chart is not known to render fails.
 */
record RenderedManifests(List<HasMetadata> typed, List<JsonNode> custom) {

    private static final Map<String, Class<? extends HasMetadata>> TYPED = Map.of(
            "apps/v1/StatefulSet", StatefulSet.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    private static final List<String> CUSTOM = List.of(
            "keda.sh/v1alpha1/ScaledObject", "keda.sh/v1alpha1/TriggerAuthentication",
            "monitoring.coreos.com/v1/ServiceMonitor", "kafka.strimzi.io/v1beta2/KafkaTopic");

    static RenderedManifests parse(String yaml) {
        List<HasMetadata> typed = new ArrayList<>();
        List<JsonNode> custom = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
                if (TYPED.containsKey(type)) {
                    typed.add(StrictKubernetesMapper.MAPPER.treeToValue(document, TYPED.get(type)));
                } else if (CUSTOM.contains(type)) {
                    custom.add(document);
                } else {
                    throw new IllegalStateException("unexpected kind in rendered chart: " + type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedManifests(typed, custom);
    }

    /** "Kind/name" of every document, in rendering order. */
    List<String> objectNames() {
        List<String> names = new ArrayList<>();
        typed.forEach(object -> names.add(object.getKind() + "/" + object.getMetadata().getName()));
        custom.forEach(object -> names.add(object.path("kind").asText() + "/"
                + object.path("metadata").path("name").asText()));
        return names;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return typed.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T only(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
        }
        return found.get(0);
    }

    List<JsonNode> custom(String kind) {
        return custom.stream().filter(node -> kind.equals(node.path("kind").asText())).toList();
    }

    JsonNode onlyCustom(String kind) {
        List<JsonNode> found = custom(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }
}
