package io.streamlearn.recommend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collisionless item ID → parameter row mapping: every distinct ID gets a row of its own. Rows of
 * evicted IDs are reused. Eviction picks the longest-idle ID, by the event time of its last use.
 */
final class ItemIndex {

    private final Map<String, Integer> rowsById = new HashMap<>();
    private final List<String> idsByRow = new ArrayList<>();
    private final List<Long> lastSeenByRow = new ArrayList<>();
    private final ArrayDeque<Integer> freeRows = new ArrayDeque<>();
    private final int capacity;

    ItemIndex(int capacity) {
        this.capacity = capacity;
    }

    Optional<Integer> row(String itemId) {
        return Optional.ofNullable(rowsById.get(itemId));
    }

    boolean isLive(int row) {
        return row < idsByRow.size() && idsByRow.get(row) != null;
    }

    String id(int row) {
        return idsByRow.get(row);
    }

    /** Rows handed out so far, live or free: the length of the parameter tables in use. */
    int rowsInUse() {
        return idsByRow.size();
    }

    int size() {
        return rowsById.size();
    }

    long lastSeen(int row) {
        return lastSeenByRow.get(row);
    }

    void touch(int row, long eventTime) {
        if (eventTime > lastSeenByRow.get(row)) {
            lastSeenByRow.set(row, eventTime);
        }
    }

    /** Places an ID at a given row (restore); call {@link #restoreFreeRows} once all are placed. */
    void place(String itemId, int row, long lastSeen) {
        while (idsByRow.size() <= row) {
            idsByRow.add(null);
            lastSeenByRow.add(0L);
        }
        idsByRow.set(row, itemId);
        lastSeenByRow.set(row, lastSeen);
        rowsById.put(itemId, row);
    }

    /**
     * Rebuilds the free-row list after a restore, in ascending order. (Before the restore it was in
     * eviction order, so after evictions a restored index may hand out free rows in another order.)
     */
    void restoreFreeRows() {
        freeRows.clear();
        for (int row = 0; row < idsByRow.size(); row++) {
            if (idsByRow.get(row) == null) {
                freeRows.add(row);
            }
        }
    }

    /**
     * A row for a new ID. When the index is full, first evicts the longest-idle ID.
     *
     * @return the new row, and the evicted ID if one had to go
     */
    Admission admit(String itemId, long eventTime) {
        String evicted = null;
        if (rowsById.size() >= capacity) {
            int victim = longestIdleRow();
            evicted = idsByRow.get(victim);
            release(victim);
        }
        int row = freeRows.isEmpty() ? idsByRow.size() : freeRows.poll();
        place(itemId, row, eventTime);
        return new Admission(row, evicted);
    }

    /** Evicts every ID unseen since {@code cutoff}; returns their IDs. */
    List<String> evictIdleBefore(long cutoff) {
        List<String> evicted = new ArrayList<>();
        for (int row = 0; row < idsByRow.size(); row++) {
            if (idsByRow.get(row) != null && lastSeenByRow.get(row) < cutoff) {
                evicted.add(idsByRow.get(row));
                release(row);
            }
        }
        return evicted;
    }

    private void release(int row) {
        rowsById.remove(idsByRow.get(row));
        idsByRow.set(row, null);
        freeRows.add(row);
    }

    private int longestIdleRow() {
        int victim = -1;
        for (int row = 0; row < idsByRow.size(); row++) {
            if (idsByRow.get(row) != null && (victim < 0 || lastSeenByRow.get(row) < lastSeenByRow.get(victim))) {
                victim = row;
            }
        }
        return victim;
    }

    record Admission(int row, String evictedId) {
    }
}
