package io.streamlearn.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.streamlearn.recommend.UserHistory;

/**
 * The mini-batch being filled: interactions in arrival order, of which the first {@link #answered}
 * have been answered; with wall-clock arrival times for the max-wait rules. Durability is the
 * journal's job; this is the in-memory view the processor answers and learns from.
 */
final class PendingBatch {

    private final List<PendingAnswer> entries = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    /** Position in this batch where a user first saw an item, for items first seen within it. */
    private final Map<String, Integer> firstSeenAt = new HashMap<>();
    private int answered;

    PendingBatch(List<PendingAnswer> restored, int answered, long nowMillis) {
        restored.forEach(entry -> add(entry, nowMillis));
        this.answered = answered;
    }

    void add(PendingAnswer entry, long nowMillis) {
        if (entry.firstSight()) {
            firstSeenAt.putIfAbsent(UserHistory.seenKey(entry.interaction().userId(), entry.interaction().itemId()),
                    entries.size());
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
     * Whether the item was first seen by the user within this batch at or after {@code position}: such
     * an item is in the seen store already but must not be excluded from the answer at {@code position}.
     */
    boolean firstSeenAtOrAfter(String seenKey, int position) {
        Integer first = firstSeenAt.get(seenKey);
        return first != null && first >= position;
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
