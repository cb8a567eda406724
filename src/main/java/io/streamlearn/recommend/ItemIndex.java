package io.streamlearn.recommend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Collisionless item ID → parameter row mapping: every distinct ID gets a row of its own. Rows of
 * evicted IDs are reused. Eviction picks the longest-idle ID, by the event time of its last use.
 */
final class ItemIndex {

    private final Map<ItemKey, Integer> rowsById = new HashMap<>();
    private final List<String> idsByRow = new ArrayList<>();
    /** Each live row's checkpoint key, made once: a mini-batch names thousands of changed rows. */
    private final List<String> storeKeysByRow = new ArrayList<>();
    private final UnaryOperator<String> storeKeyOf;
    private final List<Long> lastSeenByRow = new ArrayList<>();
    private final ArrayDeque<Integer> freeRows = new ArrayDeque<>();
    private final int capacity;

    /** @param storeKeyOf the checkpoint key of an item ID */
    ItemIndex(int capacity, UnaryOperator<String> storeKeyOf) {
        this.capacity = capacity;
        this.storeKeyOf = storeKeyOf;
    }

    Optional<Integer> row(String itemId) {
        return Optional.ofNullable(rowsById.get(new ItemKey(itemId)));
    }

    boolean isLive(int row) {
        return row < idsByRow.size() && idsByRow.get(row) != null;
    }

    String id(int row) {
        return idsByRow.get(row);
    }

    /** The checkpoint key of a live row's item. */
    String storeKey(int row) {
        return storeKeysByRow.get(row);
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
            storeKeysByRow.add(null);
            lastSeenByRow.add(0L);
        }
        idsByRow.set(row, itemId);
        storeKeysByRow.set(row, storeKeyOf.apply(itemId));
        lastSeenByRow.set(row, lastSeen);
        rowsById.put(new ItemKey(itemId), row);
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
        rowsById.remove(new ItemKey(idsByRow.get(row)));
        idsByRow.set(row, null);
        storeKeysByRow.set(row, null);
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

    /**
     * An item ID as a map key, with its string hash mixed (MurmurHash3's finaliser). Numeric IDs
     * ("i1234", MovieLens' "318") have string hashes that differ only in a few low digits' worth of
     * bits, which {@link HashMap} spreads too little: buckets filled past the tree threshold, and
     * lookups became tree searches (3 % of the stream thread in the load test).
     */
    private record ItemKey(String id) {
        @Override
        public int hashCode() {
            int h = id.hashCode();
            h ^= h >>> 16;
            h *= 0x85EBCA6B;
            h ^= h >>> 13;
            h *= 0xC2B2AE35;
            return h ^ (h >>> 16);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ItemKey key && key.id.equals(id);
        }
    }
}
