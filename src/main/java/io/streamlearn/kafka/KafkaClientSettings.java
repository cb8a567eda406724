package io.streamlearn.kafka;

import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.Config;

/**
 * Connection settings (bootstrap servers, SASL, TLS) for the service's own clients — the topic
 * provisioner — taken from the same configuration keys as Kafka Streams' clients, so the two never
 * disagree. Quarkus' typed keys ({@code quarkus.kafka-streams.sasl.*}, {@code .ssl.*}) come first,
 * then any pass-through {@code kafka-streams.*} key that is an admin client setting.
 */
public final class KafkaClientSettings {

    private static final List<String[]> QUARKUS_KEYS = List.of(
            new String[] {"quarkus.kafka-streams.security.protocol", "security.protocol"},
            new String[] {"quarkus.kafka-streams.sasl.mechanism", "sasl.mechanism"},
            new String[] {"quarkus.kafka-streams.sasl.jaas-config", "sasl.jaas.config"},
            new String[] {"quarkus.kafka-streams.ssl.truststore.type", "ssl.truststore.type"},
            new String[] {"quarkus.kafka-streams.ssl.truststore.location", "ssl.truststore.location"},
            new String[] {"quarkus.kafka-streams.ssl.truststore.password", "ssl.truststore.password"},
            new String[] {"quarkus.kafka-streams.ssl.keystore.type", "ssl.keystore.type"},
            new String[] {"quarkus.kafka-streams.ssl.keystore.location", "ssl.keystore.location"},
            new String[] {"quarkus.kafka-streams.ssl.keystore.password", "ssl.keystore.password"},
            new String[] {"quarkus.kafka-streams.ssl.key.password", "ssl.key.password"},
            new String[] {"quarkus.kafka-streams.ssl.endpoint-identification-algorithm",
                    "ssl.endpoint.identification.algorithm"});

    private KafkaClientSettings() {
    }

    public static Properties adminProperties(Config config, String bootstrapServers) {
        Properties properties = new Properties();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka-streams.")) {
                String kafkaName = name.substring("kafka-streams.".length());
                if (AdminClientConfig.configNames().contains(kafkaName)) {
                    config.getOptionalValue(name, String.class).ifPresent(value -> properties.put(kafkaName, value));
                }
            }
        }
        for (String[] key : QUARKUS_KEYS) {
            config.getOptionalValue(key[0], String.class).ifPresent(value -> properties.put(key[1], value));
        }
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }
}
