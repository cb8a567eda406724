package io.streamlearn.topology;

import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
 * store's pairs for that user.
 */
final class SeenItems {

    /** Pairs held at most by default (~100 bytes each, so ~20 MB a task). */
    static final int HELD_PAIRS = 200_000;

    private final KeyValueStore<String, Long> store;
    private final int maxHeldPairs;
    private final Map<String, Set<String>> byUser = new LinkedHashMap<>(1024, 0.75f, true);
    private int heldPairs;

    SeenItems(KeyValueStore<String, Long> store) {
        this(store, HELD_PAIRS);
    }

    /** @param maxHeldPairs beyond this many pairs held, the least recently active users are dropped */
    SeenItems(KeyValueStore<String, Long> store, int maxHeldPairs) {
        this.store = store;
        this.maxHeldPairs = maxHeldPairs;
    }

    /** The user's seen items, read-only; a view that the next {@link #markSeen} of this user changes. */
    Set<String> seenBy(String userId) {
        return Collections.unmodifiableSet(itemsOf(userId));
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

    private Set<String> itemsOf(String userId) {
        Set<String> items = byUser.get(userId);
        if (items == null) {
            items = read(userId);
            byUser.put(userId, items);
            heldPairs += items.size();
            dropLeastRecentUsers();
        }
        return items;
    }

    private Set<String> read(String userId) {
        String prefix = UserHistory.seenKey(userId, "");
        Set<String> items = new HashSet<>();
        try (KeyValueIterator<String, Long> pairs = store.prefixScan(prefix, new StringSerializer())) {
            pairs.forEachRemaining(pair -> items.add(pair.key.substring(prefix.length())));
        }
        return items;
    }

    /** Keeps the most recently used user even when their set alone is over the bound. */
    private void dropLeastRecentUsers() {
        Iterator<Set<String>> eldest = byUser.values().iterator();
        while (heldPairs > maxHeldPairs && byUser.size() > 1) {
            heldPairs -= eldest.next().size();
            eldest.remove();
        }
    }
}
