package io.streamlearn.recommend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Collisionless item ID → parameter row mapping: every distinct ID gets a row of its own. Rows of
 * evicted IDs are reused. Eviction picks the longest-idle ID, by the event time of its last use.
 */
final class ItemIndex {

    /** What {@link #rowOf} returns for an ID without a row. */
    static final int ABSENT = -1;
    /** What {@link #fingerprint} returns for a row without an item: no {@link SeenItems#fingerprint} is 0. */
    static final long NO_FINGERPRINT = 0L;

    private final RowTable rowsById = new RowTable();
    private final List<String> idsByRow = new ArrayList<>();
    /** Each live row's checkpoint key, made once: a mini-batch names thousands of changed rows. */
    private final List<String> storeKeysByRow = new ArrayList<>();
    private final UnaryOperator<String> storeKeyOf;
    private long[] lastSeenByRow = new long[1024];
    /**
     * Each live row's {@link SeenItems#fingerprint}, made once ({@link #NO_FINGERPRINT} for free rows):
     * answers ask about dozens of items each, and this one read also tells whether the row is live.
     */
    private long[] fingerprintsByRow = new long[1024];
    private final ArrayDeque<Integer> freeRows = new ArrayDeque<>();
    private final int capacity;
    /** The latest last use of any item: the event-time "now" that idleness is measured from. */
    private long newestSeen = Long.MIN_VALUE;
    /** No live row was last used before this, so an idle sweep with an earlier cutoff has nothing to do. */
    private long oldestSeenBound = Long.MAX_VALUE;

    /** @param storeKeyOf the checkpoint key of an item ID */
    ItemIndex(int capacity, UnaryOperator<String> storeKeyOf) {
        this.capacity = capacity;
        this.storeKeyOf = storeKeyOf;
    }

    /** The ID's row, or {@link #ABSENT}. */
    int rowOf(String itemId) {
        return rowsById.rowOf(itemId);
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

    /** The row's item's {@link SeenItems#fingerprint}, or {@link #NO_FINGERPRINT} when it holds none. */
    long fingerprint(int row) {
        return row < fingerprintsByRow.length ? fingerprintsByRow[row] : NO_FINGERPRINT;
    }

    long lastSeen(int row) {
        return lastSeenByRow[row];
    }

    /** The latest last use of any item held, or {@link Long#MIN_VALUE} when none was ever held. */
    long newestSeen() {
        return newestSeen;
    }

    void touch(int row, long eventTime) {
        if (eventTime > lastSeenByRow[row]) {
            lastSeenByRow[row] = eventTime;
            newestSeen = Math.max(newestSeen, eventTime);
        }
    }

    /** Places an ID at a given row (restore); call {@link #restoreFreeRows} once all are placed. */
    void place(String itemId, int row, long lastSeen) {
        while (idsByRow.size() <= row) {
            idsByRow.add(null);
            storeKeysByRow.add(null);
        }
        if (row >= lastSeenByRow.length) {
            int length = Math.max(row + 1, 2 * lastSeenByRow.length);
            lastSeenByRow = Arrays.copyOf(lastSeenByRow, length);
            fingerprintsByRow = Arrays.copyOf(fingerprintsByRow, length);
        }
        idsByRow.set(row, itemId);
        fingerprintsByRow[row] = SeenItems.fingerprint(itemId);
        storeKeysByRow.set(row, storeKeyOf.apply(itemId));
        lastSeenByRow[row] = lastSeen;
        newestSeen = Math.max(newestSeen, lastSeen);
        oldestSeenBound = Math.min(oldestSeenBound, lastSeen);
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

    /**
     * Evicts every ID last used before {@code cutoff}; returns their IDs. Scans the rows only when
     * one may be that old, so calling it for every mini-batch costs nothing while no item is idle.
     */
    List<String> evictIdleBefore(long cutoff) {
        if (cutoff <= oldestSeenBound) {
            return List.of();
        }
        List<String> evicted = new ArrayList<>();
        long oldestKept = Long.MAX_VALUE;
        for (int row = 0; row < idsByRow.size(); row++) {
            if (idsByRow.get(row) == null) {
                continue;
            }
            if (lastSeenByRow[row] < cutoff) {
                evicted.add(idsByRow.get(row));
                release(row);
            } else {
                oldestKept = Math.min(oldestKept, lastSeenByRow[row]);
            }
        }
        oldestSeenBound = oldestKept;
        return evicted;
    }

    private void release(int row) {
        rowsById.remove(idsByRow.get(row));
        idsByRow.set(row, null);
        fingerprintsByRow[row] = NO_FINGERPRINT;
        storeKeysByRow.set(row, null);
        freeRows.add(row);
    }

    private int longestIdleRow() {
        int victim = -1;
        for (int row = 0; row < idsByRow.size(); row++) {
            if (idsByRow.get(row) != null && (victim < 0 || lastSeenByRow[row] < lastSeenByRow[victim])) {
                victim = row;
            }
        }
        return victim;
    }

    record Admission(int row, String evictedId) {
    }

    /**
     * Item ID → row by open addressing (linear probing). A slot holds the ID's mixed hash and its
     * row + 1 in one long, and the ID itself is only read from {@link #idsByRow} to confirm a match:
     * a {@code HashMap<String, Integer>} lookup followed a bucket, a node, the key, its characters
     * and the boxed row, and the history lookups of every answer and every example made those
     * pointer chases 7 % of the stream thread in the load test.
     */
    private final class RowTable {
        private long[] slots = new long[1024];
        private int size;

        int size() {
            return size;
        }

        int rowOf(String id) {
            int hash = mix(id);
            int mask = slots.length - 1;
            for (int slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
                if (holds(slots[slot], hash, id)) {
                    return rowIn(slots[slot]);
                }
            }
            return ABSENT;
        }

        /** Adds an ID that has no row yet. */
        void put(String id, int row) {
            if (2 * (size + 1) > slots.length) {
                rehash(2 * slots.length);
            }
            insert(slots, mix(id), row);
            size++;
        }

        void remove(String id) {
            int hash = mix(id);
            int mask = slots.length - 1;
            int slot = hash & mask;
            while (!holds(slots[slot], hash, id)) {
                slot = (slot + 1) & mask;
            }
            closeGap(slot);
            size--;
        }

        /**
         * Empties a slot and moves back every later entry of the same run that may not stay behind
         * the gap (its home slot is not cyclically after the gap), so no lookup stops short.
         */
        private void closeGap(int gap) {
            int mask = slots.length - 1;
            slots[gap] = 0;
            for (int next = (gap + 1) & mask; slots[next] != 0; next = (next + 1) & mask) {
                int home = (int) (slots[next] >>> 32) & mask;
                boolean homeAfterGap = gap <= next ? gap < home && home <= next : gap < home || home <= next;
                if (!homeAfterGap) {
                    slots[gap] = slots[next];
                    slots[next] = 0;
                    gap = next;
                }
            }
        }

        private boolean holds(long slot, int hash, String id) {
            return (int) (slot >>> 32) == hash && id.equals(idsByRow.get(rowIn(slot)));
        }

        private void rehash(int capacity) {
            long[] larger = new long[capacity];
            for (long slot : slots) {
                if (slot != 0) {
                    insert(larger, (int) (slot >>> 32), rowIn(slot));
                }
            }
            slots = larger;
        }

        private static void insert(long[] table, int hash, int row) {
            int mask = table.length - 1;
            int slot = hash & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = (long) hash << 32 | (row + 1L);
        }

        private static int rowIn(long slot) {
            return (int) slot - 1;
        }

        /**
         * The string hash mixed by MurmurHash3's finaliser: numeric IDs ("i1234", MovieLens' "318")
         * have string hashes that differ in a few low digits' worth of bits, which would fill long runs.
         */
        private static int mix(String id) {
            int h = id.hashCode();
            h ^= h >>> 16;
            h *= 0x85EBCA6B;
            h ^= h >>> 13;
            h *= 0xC2B2AE35;
            return h ^ (h >>> 16);
        }
    }
}
