package io.streamlearn.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.streamlearn.recommend.SeenItems;

/**
 * The mini-batch being filled: interactions in arrival order, of which the first {@link #answered}
 * have been answered; with wall-clock arrival times for the max-wait rules. Durability is the
 * journal's job; this is the in-memory view the processor answers and learns from.
 */
final class PendingBatch {

    private final List<PendingAnswer> entries = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    /**
     * Per user, the position in this batch where they first saw an item (by its
     * {@link SeenItems#fingerprint}), for items first seen within it.
     */
    private final Map<String, Map<Long, Integer>> firstSeenAt = new HashMap<>();
    private int answered;

    PendingBatch(List<PendingAnswer> restored, int answered, long nowMillis) {
        restored.forEach(entry -> add(entry, nowMillis));
        this.answered = answered;
    }

    void add(PendingAnswer entry, long nowMillis) {
        if (entry.firstSight()) {
            firstSeenAt.computeIfAbsent(entry.interaction().userId(), user -> new HashMap<>())
                    .putIfAbsent(SeenItems.fingerprint(entry.interaction().itemId()), entries.size());
        }
        entries.add(entry);
        arrivals.add(nowMillis);
    }

    int size() {
        return entries.size();
    }

    int unanswered() {
        return entries.size() - answered;
    }

    int answered() {
        return answered;
    }

    long oldestArrivalMillis() {
        return arrivals.isEmpty() ? Long.MAX_VALUE : arrivals.get(0);
    }

    long oldestUnansweredArrivalMillis() {
        return answered < arrivals.size() ? arrivals.get(answered) : Long.MAX_VALUE;
    }

    /** Entries not answered yet, with their positions in the batch. */
    List<PendingAnswer> unansweredEntries() {
        return List.copyOf(entries.subList(answered, entries.size()));
    }

    void markAllAnswered() {
        answered = entries.size();
    }

    /**
     * The fingerprints of the items the user first saw within this batch, each with the position
     * where they did (empty for most users): such an item is in the seen store already but must not
     * be excluded from an answer at or before that position.
     */
    Map<Long, Integer> firstSightsOf(String userId) {
        return firstSeenAt.getOrDefault(userId, Map.of());
    }

    List<PendingAnswer> drain() {
        List<PendingAnswer> batch = List.copyOf(entries);
        entries.clear();
        arrivals.clear();
        firstSeenAt.clear();
        answered = 0;
        return batch;
    }
}
