package io.streamlearn.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.streamlearn.event.Interaction;
import io.streamlearn.fixtures.MovieLensRatings.Rating;

/**
 * Test-then-train replay of ratings through the recommender with mini-batches, exactly as the
 * stream processor does it, alongside a popularity-so-far baseline on the same events.
 */
final class PrequentialReplay {

    record Result(double modelHitRate, double popularityHitRate, int relevantEvents) {
        double ratio() {
            return modelHitRate / popularityHitRate;
        }
    }

    static Result run(List<Rating> ratings, RecommenderConfig config, int batchSize) {
        SequenceRecommender model = new SequenceRecommender(config);
        LearningSignal signal = LearningSignal.defaults();
        Map<String, UserHistory> histories = new HashMap<>();
        Map<String, Integer> popularity = new HashMap<>();
        Map<String, Set<String>> seenByUser = new HashMap<>();
        List<TrainingExample> pending = new ArrayList<>();
        int relevant = 0;
        int modelHits = 0;
        int popularityHits = 0;
        for (int i = 0; i < ratings.size(); i++) {
            Interaction event = ratings.get(i).asInteraction("e" + i);
            UserHistory history = histories.getOrDefault(event.userId(), UserHistory.empty());
            Set<String> seen = seenByUser.computeIfAbsent(event.userId(), u -> new HashSet<>());
            if (signal.isRelevant(event)) {
                relevant++;
                RecommendationAnswer answer = model.predict(
                        new RecommendationQuery(event.itemId(), history.recent(config.historyLength()), seen::contains));
                if (answer.topK().stream().anyMatch(s -> s.itemId().equals(event.itemId()))) {
                    modelHits++;
                }
                if (popularTop(popularity, seen, config.topK()).contains(event.itemId())) {
                    popularityHits++;
                }
            }
            pending.add(new TrainingExample(history.recent(config.historyLength()), event.itemId(),
                    signal.weight(event), event.timestamp()));
            histories.put(event.userId(), history.with(event.itemId(), config.historyLength()));
            seen.add(event.itemId());
            popularity.merge(event.itemId(), 1, Integer::sum);
            if (pending.size() >= batchSize) {
                model.learn(pending);
                pending.clear();
            }
        }
        return new Result((double) modelHits / relevant, (double) popularityHits / relevant, relevant);
    }

    private static List<String> popularTop(Map<String, Integer> popularity, Set<String> seen, int k) {
        return popularity.entrySet().stream()
                .filter(e -> !seen.contains(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(k).map(Map.Entry::getKey).toList();
    }
}
