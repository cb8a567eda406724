package io.streamlearn.topology;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.streamlearn.recommend.UserHistory;

/**
 * Which items each user has seen. The store (one key per user–item pair) is the durable record; the
 * recently active users' sets are also held here, each read once with a prefix scan. Every answer
 * asks about its best-scored items until K unseen ones are found: ten or more questions, which as
 * store lookups each went through the record cache's sorted map and, on a miss, RocksDB (~11 % of
 * the stream thread). This task is the store's only writer, so a held set stays equal to the
 * store's pairs for that user. Sets are held as fingerprints ({@link ItemFingerprints}), so five
 * times as many pairs fit in the memory that 200,000 {@code HashSet} entries took.
 */
final class SeenItems {

    /** Pairs held at most by default (16–32 bytes each, plus ~150 bytes a user: ~35 MB a task at most). */
    static final int HELD_PAIRS = 1_000_000;

    private final KeyValueStore<String, Long> store;
    private final int maxHeldPairs;
    private final Map<String, ItemFingerprints> byUser = new LinkedHashMap<>(1024, 0.75f, true);
    private int heldPairs;

    SeenItems(KeyValueStore<String, Long> store) {
        this(store, HELD_PAIRS);
    }

    /** @param maxHeldPairs beyond this many pairs held, the least recently active users are dropped */
    SeenItems(KeyValueStore<String, Long> store, int maxHeldPairs) {
        this.store = store;
        this.maxHeldPairs = maxHeldPairs;
    }

    /** Whether the user has seen an item: a read-only view that the next {@link #markSeen} of this user changes. */
    Predicate<String> seenBy(String userId) {
        return itemsOf(userId)::contains;
    }

    /**
     * Holds an empty set for a user with no stored pairs (one this task has never seen), sparing
     * the prefix scan: in the load test, where most users first appear after the service starts,
     * those scans were 5 % of the stream thread.
     */
    void holdNewUser(String userId) {
        byUser.putIfAbsent(userId, new ItemFingerprints());
    }

    /** Records that the user saw the item at {@code timestamp}; returns whether it is the first time. */
    boolean markSeen(String userId, String itemId, long timestamp) {
        if (!itemsOf(userId).add(itemId)) {
            return false;
        }
        store.put(UserHistory.seenKey(userId, itemId), timestamp);
        heldPairs++;
        dropLeastRecentUsers();
        return true;
    }

    private ItemFingerprints itemsOf(String userId) {
        ItemFingerprints items = byUser.get(userId);
        if (items == null) {
            items = read(userId);
            byUser.put(userId, items);
            heldPairs += items.size();
            dropLeastRecentUsers();
        }
        return items;
    }

    private ItemFingerprints read(String userId) {
        String prefix = UserHistory.seenKey(userId, "");
        ItemFingerprints items = new ItemFingerprints();
        try (KeyValueIterator<String, Long> pairs = store.prefixScan(prefix, new StringSerializer())) {
            pairs.forEachRemaining(pair -> items.add(pair.key.substring(prefix.length())));
        }
        return items;
    }

    /** Keeps the most recently used user even when their set alone is over the bound. */
    private void dropLeastRecentUsers() {
        Iterator<ItemFingerprints> eldest = byUser.values().iterator();
        while (heldPairs > maxHeldPairs && byUser.size() > 1) {
            heldPairs -= eldest.next().size();
            eldest.remove();
        }
    }
}
