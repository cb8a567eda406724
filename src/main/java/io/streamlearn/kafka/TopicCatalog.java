package io.streamlearn.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The topics declared under {@code topics/} (packaged into the jar), one Strimzi {@code KafkaTopic}
 * file per topic: the one source of truth for start-up topic creation and the Helm chart.
 */
public final class TopicCatalog {

    /** Every topic file the service ships, by the topic's default name. */
    public static final List<String> FILES = List.of("interactions", "recommendations", "streamlearn-dlq",
            "support-messages", "support-predictions", "support-feedback", "streamlearn-model-sync");

    private TopicCatalog() {
    }

    public static Map<String, TopicSpec> load() {
        Map<String, TopicSpec> specs = new LinkedHashMap<>();
        for (String file : FILES) {
            specs.put(file, read("topics/" + file + ".yaml"));
        }
        return specs;
    }

    @SuppressWarnings("unchecked")
    static TopicSpec read(String resource) {
        try (InputStream in = TopicCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("topic file " + resource + " is missing from the classpath");
            }
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Object> metadata = (Map<String, Object>) document.get("metadata");
            Map<String, Object> spec = (Map<String, Object>) document.get("spec");
            Map<String, String> config = new LinkedHashMap<>();
            ((Map<String, Object>) spec.getOrDefault("config", Map.of()))
                    .forEach((key, value) -> config.put(key, String.valueOf(value)));
            return new TopicSpec((String) metadata.get("name"), ((Number) spec.get("partitions")).intValue(),
                    ((Number) spec.get("replicas")).shortValue(), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
