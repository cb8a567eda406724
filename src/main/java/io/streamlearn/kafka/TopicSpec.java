package io.streamlearn.kafka;

import java.util.Map;

/** One topic as declared by a Strimzi {@code KafkaTopic} file under {@code topics/}. */
public record TopicSpec(String name, int partitions, short replicas, Map<String, String> config) {

    public TopicSpec {
        config = Map.copyOf(config);
    }

    public TopicSpec renamed(String newName) {
        return new TopicSpec(newName, partitions, replicas, config);
    }

    /** This topic fitted to a smaller cluster: at most {@code maxPartitions} and {@code brokers} replicas. */
    public TopicSpec fittedTo(int maxPartitions, int brokers) {
        Map<String, String> fitted = new java.util.HashMap<>(config);
        if (brokers < replicas) {
            fitted.computeIfPresent("min.insync.replicas", (key, value) -> Integer.toString(
                    Math.min(Integer.parseInt(value), brokers)));
        }
        return new TopicSpec(name, Math.min(partitions, maxPartitions), (short) Math.min(replicas, brokers), fitted);
    }
}
