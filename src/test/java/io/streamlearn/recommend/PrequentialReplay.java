package io.streamlearn.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.utils.Utils;

import io.streamlearn.event.Interaction;
import io.streamlearn.fixtures.MovieLensRatings.Rating;
import io.streamlearn.fixtures.PopularitySoFar;

/**
 * Test-then-train replay of ratings through the recommender with mini-batches, exactly as the
 * stream processor does it, alongside a popularity-so-far baseline on the same events. Optionally
 * over several replicas, users split between them as Kafka's default partitioner splits keys, with
 * the replicas exchanging increments every so many events as the tasks' parameter sync does.
 */
final class PrequentialReplay {

    record Result(double modelHitRate, double popularityHitRate, int relevantEvents) {
        double ratio() {
            return modelHitRate / popularityHitRate;
        }
    }

    static Result run(List<Rating> ratings, RecommenderConfig config, int batchSize) {
        return run(ratings, config, batchSize, 1, 0);
    }

    /**
     * @param replicas model replicas, each fed the users Kafka would put on its partition
     * @param syncEvery events (over all replicas) between exchanges of increments; 0 = never
     */
    static Result run(List<Rating> ratings, RecommenderConfig config, int batchSize, int replicas, int syncEvery) {
        List<SequenceRecommender> models = new ArrayList<>();
        List<List<TrainingExample>> pendingByReplica = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            models.add(new SequenceRecommender(config, syncEvery > 0));
            pendingByReplica.add(new ArrayList<>());
        }
        LearningSignal signal = LearningSignal.defaults();
        Map<String, UserHistory> histories = new HashMap<>();
        PopularitySoFar popularity = new PopularitySoFar();
        Map<String, Set<String>> seenByUser = new HashMap<>();
        Map<String, Set<Long>> seenFingerprintsByUser = new HashMap<>();
        int relevant = 0;
        int modelHits = 0;
        int popularityHits = 0;
        for (int i = 0; i < ratings.size(); i++) {
            Interaction event = ratings.get(i).asInteraction("e" + i);
            int replica = partition(event.userId(), replicas);
            SequenceRecommender model = models.get(replica);
            List<TrainingExample> pending = pendingByReplica.get(replica);
            UserHistory history = histories.getOrDefault(event.userId(), UserHistory.empty());
            Set<String> seen = seenByUser.computeIfAbsent(event.userId(), u -> new HashSet<>());
            Set<Long> seenFingerprints = seenFingerprintsByUser.computeIfAbsent(event.userId(), u -> new HashSet<>());
            if (signal.isRelevant(event)) {
                relevant++;
                RecommendationAnswer answer = model.predict(
                        new RecommendationQuery(event.itemId(), history.recent(config.historyLength()), seenFingerprints::contains));
                if (answer.topK().stream().anyMatch(s -> s.itemId().equals(event.itemId()))) {
                    modelHits++;
                }
                if (popularity.top(seen, config.topK()).contains(event.itemId())) {
                    popularityHits++;
                }
            }
            pending.add(new TrainingExample(history.recent(config.historyLength()), event.itemId(),
                    signal.weight(event), event.timestamp()));
            histories.put(event.userId(), history.with(event.itemId(), config.historyLength()));
            seen.add(event.itemId());
            seenFingerprints.add(SeenItems.fingerprint(event.itemId()));
            popularity.count(event.itemId());
            if (pending.size() >= batchSize) {
                model.learn(pending);
                pending.clear();
            }
            if (syncEvery > 0 && (i + 1) % syncEvery == 0) {
                exchange(models);
            }
        }
        return new Result((double) modelHits / relevant, (double) popularityHits / relevant, relevant);
    }

    /** Every replica publishes its increments, then folds in every other's. */
    static void exchange(List<SequenceRecommender> models) {
        List<List<ItemDelta>> published = models.stream().map(SequenceRecommender::takeOwnDelta).toList();
        for (int r = 0; r < models.size(); r++) {
            List<ItemDelta> others = new ArrayList<>();
            for (int other = 0; other < models.size(); other++) {
                if (other != r) {
                    others.addAll(published.get(other));
                }
            }
            models.get(r).foldIn(published.get(r), others);
        }
    }

    private static int partition(String userId, int partitions) {
        return Utils.toPositive(Utils.murmur2(userId.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
    }
}
