package io.streamlearn.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/** Creates the declared topics that do not exist yet; never alters existing ones. */
public final class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 30;

    private TopicProvisioner() {
    }

    /**
     * @param maxPartitions cap on partitions (the embedded single-instance default uses 1)
     */
    public static void createMissing(Admin admin, Collection<TopicSpec> topics, int maxPartitions)
            throws InterruptedException {
        try {
            int brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> topic.fittedTo(maxPartitions, brokers))
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), topic.replicas()).configs(topic.config()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (NewTopic topic : missing) {
                createOne(admin, topic);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the service's topics: " + e.getMessage(), e);
        }
    }

    private static void createOne(Admin admin, NewTopic topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.infof("created topic %s (%d partitions, replication %d)", topic.name(), topic.numPartitions(),
                    topic.replicationFactor());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
