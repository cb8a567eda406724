package io.streamlearn.load.baseline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

import io.streamlearn.load.generate.Workload;

/**
 * Creates the baseline's topics with the partitions and replication of the service's topic for the
 * same workload, so both run on the same layout. Recreated per run so no old record is replayed.
 */
public final class BaselineTopics {

    private BaselineTopics() {
    }

    /** @return partitions of the service's input topic (and now of the baseline's topics) */
    public static int recreateLike(Admin admin, Workload workload) throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription service = admin.describeTopics(List.of(workload.inputTopic())).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(workload.inputTopic());
        int partitions = service.partitions().size();
        short replicas = (short) service.partitions().get(0).replicas().size();
        List<String> names = List.of(workload.baselineInputTopic(), workload.baselineOutputTopic());
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<String> stale = names.stream().filter(existing::contains).toList();
        if (!stale.isEmpty()) {
            admin.deleteTopics(stale).all().get(30, TimeUnit.SECONDS);
            waitUntilGone(admin, stale);
        }
        admin.createTopics(names.stream()
                .map(name -> new NewTopic(name, partitions, replicas).configs(Map.of("retention.ms", "3600000")))
                .toList()).all().get(30, TimeUnit.SECONDS);
        return partitions;
    }

    private static void waitUntilGone(Admin admin, List<String> topics) throws InterruptedException, ExecutionException, TimeoutException {
        for (int attempt = 0; attempt < 100; attempt++) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (topics.stream().noneMatch(names::contains)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("old baseline topics were not deleted: " + topics);
    }
}
