package io.streamlearn.kafka;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Makes sure there is a broker with the service's topics before the stream starts: starts the
 * embedded broker when no bootstrap servers are configured, then creates missing topics from
 * {@code topics/}. Runs before anything else at start-up and stops the embedded broker last.
 */
@ApplicationScoped
public class KafkaBootstrap {

    private static final Logger LOG = Logger.getLogger(KafkaBootstrap.class);

    @Inject
    StreamlearnConfig config;

    @Inject
    Config rawConfig;

    private EmbeddedBroker broker;
    private volatile OptionalInt interactionPartitions = OptionalInt.empty();

    void start(@Observes @Priority(10) StartupEvent event) throws InterruptedException {
        String bootstrap = config.kafka().bootstrapServers().filter(s -> !s.isBlank()).orElse(null);
        int maxPartitions = Integer.MAX_VALUE;
        if (bootstrap == null) {
            broker = EmbeddedBroker.start(config.embeddedBroker().port(), config.embeddedBroker().dataDir());
            bootstrap = broker.bootstrapServers();
            maxPartitions = config.embeddedBroker().partitions();
            LOG.infof("embedded Kafka broker (KRaft) running on %s, data in %s", bootstrap,
                    config.embeddedBroker().dataDir().toAbsolutePath());
        }
        try (Admin admin = Admin.create(KafkaClientSettings.adminProperties(rawConfig, bootstrap))) {
            if (config.kafka().createTopics()) {
                TopicProvisioner.createMissing(admin, namedTopics().values(), maxPartitions);
            }
            interactionPartitions = describePartitions(admin, config.topics().interactions());
        }
        if (broker != null) {
            logKcatExamples(bootstrap);
        }
    }

    /** Partitions of the interactions topic (= recommendation tasks), once start-up has looked. */
    public OptionalInt interactionPartitions() {
        return interactionPartitions;
    }

    private static OptionalInt describePartitions(Admin admin, String topic) throws InterruptedException {
        try {
            return OptionalInt.of(admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size());
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("cannot describe topic %s: %s", topic, e.getMessage());
            return OptionalInt.empty();
        }
    }

    void stop(@Observes @Priority(5000) ShutdownEvent event) {
        if (broker != null) {
            broker.close();
        }
    }

    /** The declared topics under the names this deployment configured. */
    private Map<String, TopicSpec> namedTopics() {
        Map<String, TopicSpec> specs = TopicCatalog.load();
        StreamlearnConfig.Topics names = config.topics();
        specs.replaceAll((file, spec) -> spec.renamed(switch (file) {
            case "interactions" -> names.interactions();
            case "recommendations" -> names.recommendations();
            case "streamlearn-dlq" -> names.deadLetters();
            case "support-messages" -> names.supportMessages();
            case "support-predictions" -> names.supportPredictions();
            case "support-feedback" -> names.supportFeedback();
            case "streamlearn-model-sync" -> names.modelSync();
            default -> spec.name();
        }));
        return specs;
    }

    private void logKcatExamples(String bootstrap) {
        StreamlearnConfig.Topics topics = config.topics();
        LOG.infof("produce an interaction:  echo 'u1|{\"userId\":\"u1\",\"itemId\":\"i1\",\"type\":\"click\"}' "
                + "| kcat -P -b %s -t %s -K'|'", bootstrap, topics.interactions());
        LOG.infof("watch recommendations:   kcat -C -b %s -t %s -X isolation.level=read_committed -f '%%k %%s\\n'",
                bootstrap, topics.recommendations());
    }
}
