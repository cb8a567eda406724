package io.streamlearn.checkpoint;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a checkpoint came from: which model, which state layout, which settings and which library
 * versions. Stored with every checkpoint and checked on restore, so a checkpoint is never silently
 * read by a model that lays out its rows differently.
 *
 * @param modelKind which model wrote the rows, e.g. {@code recommend}
 * @param formatVersion layout version of the rows; a restore of another version fails loudly
 * @param config the model's settings as text
 * @param libraries versions of the libraries that computed the parameters
 * @param createdAt epoch millis when this model state was first created
 */
public record ModelProvenance(String modelKind, int formatVersion, Map<String, String> config,
        Map<String, String> libraries, long createdAt) {

    public ModelProvenance {
        config = Map.copyOf(config);
        libraries = Map.copyOf(libraries);
    }

    /** Versions of the libraries this process computes with. */
    public static Map<String, String> currentLibraries() {
        Map<String, String> versions = new TreeMap<>();
        versions.put("streamlearn", versionOf(ModelProvenance.class, "dev"));
        versions.put("nd4j", versionOf(org.nd4j.linalg.factory.Nd4j.class, "1.0.0-M2.1"));
        versions.put("kafka-streams", org.apache.kafka.common.utils.AppInfoParser.getVersion());
        versions.put("java", System.getProperty("java.version"));
        return versions;
    }

    /**
     * Fails when this checkpoint cannot be read by the running model: another model kind, another
     * row format, or another value of a setting that decides what stored rows mean ({@code layoutKeys}).
     */
    public void requireCompatibleWith(ModelProvenance running, Collection<String> layoutKeys) {
        if (!modelKind.equals(running.modelKind()) || formatVersion != running.formatVersion()) {
            throw new IllegalStateException("checkpoint of " + modelKind + " format " + formatVersion
                    + " cannot be restored into " + running.modelKind() + " format " + running.formatVersion());
        }
        for (String key : layoutKeys) {
            String configured = running.config().get(key);
            if (!Objects.equals(configured, config.get(key))) {
                throw new IllegalStateException("checkpoint has " + key + " = " + config.get(key)
                        + " but the service is configured with " + configured);
            }
        }
    }

    private static String versionOf(Class<?> type, String fallback) {
        String version = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return version == null ? fallback : version;
    }
}
