package io.streamlearn.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.streamlearn.event.ScoredItem;
import io.streamlearn.fixtures.SeenSets;

/** Answers taken from candidate clusters, on a stream of users who each keep to one of 8 item categories. */
class ClusteredAnswersTest {

    /** A fresh builder each time: builders are mutable, and one test's settings must not reach another. */
    private static RecommenderConfig.Builder config() {
        return RecommenderConfig.builder().dimension(16).negatives(8).topK(5).candidateClusters(4).candidateProbes(2);
    }

    @Test
    void clusteredAnswersHoldMostOfTheExactTopK() {
        SequenceRecommender exact = new SequenceRecommender(config().candidateClusters(0).build());
        SequenceRecommender clustered = new SequenceRecommender(config().build());
        Stream stream = new Stream(400);
        // Built within the first batches, on barely trained vectors: answers rely on the early refreshes.
        for (int b = 0; b < 90; b++) {
            List<TrainingExample> batch = stream.batch(32);
            exact.learn(batch);
            clustered.learn(batch);
        }
        assertThat(clustered.answersFromClusters()).isTrue();
        assertThat(keys(clustered)).contains(RecommenderRows.CENTROIDS_KEY);
        assertThat(exact.answersFromClusters()).isFalse();
        assertThat(keys(exact)).noneMatch(key -> key.startsWith(RecommenderRows.CLUSTERS_PREFIX));

        List<RecommendationQuery> queries = stream.queries(128);
        List<RecommendationAnswer> exactAnswers = exact.predictAll(queries);
        List<RecommendationAnswer> clusteredAnswers = clustered.predictAll(queries);
        int found = 0;
        int wanted = 0;
        for (int q = 0; q < queries.size(); q++) {
            Set<String> fromClusters = ids(clusteredAnswers.get(q).topK());
            for (ScoredItem item : exactAnswers.get(q).topK()) {
                wanted++;
                found += fromClusters.contains(item.itemId()) ? 1 : 0;
            }
            assertThat(clusteredAnswers.get(q).score()).isCloseTo(exactAnswers.get(q).score(),
                    org.assertj.core.api.Assertions.within(1e-5f));
        }
        assertThat((double) found / wanted).isGreaterThan(0.85);
    }

    /**
     * Through the build, admissions of new and evicted items (fresh rows, rows leaving clusters) and
     * refreshes (at 64 and 500), a model restored from the rows its batches named answers and learns as the original.
     */
    @Test
    void aModelRestoredFromItsStoredRowsAnswersAndLearnsAsTheOriginal() {
        RecommenderConfig config = config().itemCapacity(300).build();
        SequenceRecommender original = new SequenceRecommender(config);
        StoredRows store = StoredRows.of(original);
        Stream stream = new Stream(400);
        for (int b = 1; b <= 530; b++) {
            store.learn(original, stream.batch(32));
            if (b == 62 || b == 498 || b == 530) {
                SequenceRecommender restored = new SequenceRecommender(config);
                restored.restore(store.rows());
                assertThat(keys(restored)).contains(RecommenderRows.CENTROIDS_KEY);
                List<RecommendationQuery> queries = stream.queries(64);
                assertThat(restored.predictAll(queries)).isEqualTo(original.predictAll(queries));

                // Five more batches on both (across the refreshes at versions 64 and 500 from 62 and 498).
                for (int more = 0; more < 5; more++) {
                    List<TrainingExample> batch = stream.batch(32);
                    restored.learn(batch);
                    store.learn(original, batch);
                }
                assertThat(restored.predictAll(queries)).isEqualTo(original.predictAll(queries));
            }
        }
    }

    /** Increments folded in from another replica reach the clusters' copies of the rows they change. */
    @Test
    void replicasAnswerFromTheRowsTheyFoldedIn() {
        RecommenderConfig config = config().build();
        SequenceRecommender first = new SequenceRecommender(config, true);
        SequenceRecommender second = new SequenceRecommender(config, true);
        Stream stream = new Stream(400);
        for (int b = 0; b < 300; b++) {
            (b % 2 == 0 ? first : second).learn(stream.batch(32));
            if (b % 10 == 9) {
                PrequentialReplay.exchange(List.of(first, second));
            }
        }
        assertThat(first.answersFromClusters()).isTrue();
        second.learn(stream.batch(32));
        PrequentialReplay.exchange(List.of(first, second));

        SequenceRecommender copy = new SequenceRecommender(config, true);
        copy.restore(first.snapshot());
        List<RecommendationQuery> queries = stream.queries(64);
        assertThat(first.predictAll(queries)).isEqualTo(copy.predictAll(queries));
    }

    private static Set<String> keys(SequenceRecommender model) {
        Set<String> keys = new HashSet<>();
        model.snapshot().forEach(row -> keys.add(row.key()));
        return keys;
    }

    private static Set<String> ids(List<ScoredItem> items) {
        Set<String> ids = new HashSet<>();
        items.forEach(item -> ids.add(item.itemId()));
        return ids;
    }

    /** Users 0-99, each with a taste for one of 8 categories (item % 8), mostly followed. */
    private static final class Stream {
        private final int items;
        private final SplittableRandom random;
        private final Map<Integer, ArrayDeque<String>> histories;
        private long time;

        Stream(int items) {
            this.items = items;
            this.random = new SplittableRandom(17);
            this.histories = new HashMap<>();
        }

        List<TrainingExample> batch(int size) {
            List<TrainingExample> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int user = random.nextInt(100);
                int item = random.nextDouble() < 0.9 ? 8 * random.nextInt(items / 8) + user % 8 : random.nextInt(items);
                ArrayDeque<String> history = histories.computeIfAbsent(user, u -> new ArrayDeque<>());
                batch.add(new TrainingExample(List.copyOf(history), "i" + item, 1f, time++));
                history.addLast("i" + item);
                if (history.size() > 10) {
                    history.removeFirst();
                }
            }
            return batch;
        }

        List<RecommendationQuery> queries(int count) {
            List<RecommendationQuery> queries = new ArrayList<>();
            for (int q = 0; q < count; q++) {
                ArrayDeque<String> history = histories.getOrDefault(q % 100, new ArrayDeque<>());
                Set<String> seen = Set.copyOf(history);
                queries.add(new RecommendationQuery("i" + (q * 3 % items), List.copyOf(history), SeenSets.of(seen)));
            }
            return queries;
        }
    }
}
