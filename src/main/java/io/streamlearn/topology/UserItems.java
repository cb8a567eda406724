package io.streamlearn.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.streamlearn.recommend.SeenItems;
import io.streamlearn.recommend.UserHistory;

/**
 * Each user's items: which they have seen (never to be recommended again) and, in order, the most
 * recent ones (their history, the user's side of the model). The store holds one key per user–item
 * pair ({@link UserHistory#seenKey}); its value orders the pair by the user's latest interaction
 * with the item, so the history is the pairs with the highest values and an interaction writes a
 * single key. (A history row per user as well, rewritten by every interaction, was a second store
 * write and changelog record per event: ~9.5 µs of the stream thread's ~150 in the load test.)
 *
 * <p>Values written here are {@link #ARRIVAL_BASE} plus the interaction's arrival sequence in its
 * task; builds before this one wrote the interaction's timestamp, which is always lower, so their
 * pairs rank as older than any written since, among themselves by time.
 *
 * <p>The recently active users are also held in memory, each read once with a prefix scan: every
 * answer asks about its best-scored items until K unseen ones are found, ten or more questions,
 * which as store lookups took ~11 % of the stream thread. Seen sets are held as fingerprints
 * ({@link ItemFingerprints}). This task is the store's only writer, so what is held stays equal to
 * the store's pairs for that user.
 */
public final class UserItems {

    /** Entries held at most by default: seen pairs plus history items (~35 MB a task at most). */
    static final int HELD_ENTRIES = 1_000_000;
    /** Added to arrival sequences: 2^62 ms is far beyond any timestamp an earlier build stored. */
    static final long ARRIVAL_BASE = 1L << 62;

    private final KeyValueStore<String, Long> store;
    private final int historyLength;
    private final int maxHeldEntries;
    private final Map<String, HeldUser> byUser = new LinkedHashMap<>(1024, 0.75f, true);
    private int heldEntries;

    UserItems(KeyValueStore<String, Long> store, int historyLength) {
        this(store, historyLength, HELD_ENTRIES);
    }

    /** @param maxHeldEntries beyond this many entries held, the least recently active users are dropped */
    UserItems(KeyValueStore<String, Long> store, int historyLength, int maxHeldEntries) {
        this.store = store;
        this.historyLength = historyLength;
        this.maxHeldEntries = maxHeldEntries;
    }

    /** The user's most recent items, oldest first; empty for a user never seen. */
    UserHistory historyOf(String userId) {
        return held(userId).history;
    }

    /** What the user has seen: a read-only view that the next {@link #record} of this user changes. */
    SeenItems seenBy(String userId) {
        return held(userId).seen::contains;
    }

    /**
     * Records the user's interaction with the item, {@code sequence} its arrival in the task (higher
     * for every later interaction); returns whether the user saw the item for the first time.
     */
    boolean record(String userId, String itemId, long sequence) {
        HeldUser user = held(userId);
        boolean firstSight = user.seen.add(itemId);
        int before = user.history.items().size();
        user.history = user.history.with(itemId, historyLength);
        heldEntries += (firstSight ? 1 : 0) + user.history.items().size() - before;
        store.put(UserHistory.seenKey(userId, itemId), ARRIVAL_BASE + sequence);
        dropLeastRecentUsers();
        return firstSight;
    }

    /** A user's history (oldest first) and what they have seen, as one prefix scan of the store found them. */
    public record StoredUser(UserHistory history, SeenItems seen) {
    }

    /** The user as the store holds them, for readers outside the task (the REST API's interactive queries). */
    public static StoredUser stored(ReadOnlyKeyValueStore<String, Long> store, String userId, int historyLength) {
        HeldUser user = scan(store, userId, historyLength);
        return new StoredUser(user.history, user.seen::contains);
    }

    private HeldUser held(String userId) {
        HeldUser user = byUser.get(userId);
        if (user == null) {
            user = scan(store, userId, historyLength);
            byUser.put(userId, user);
            heldEntries += user.seen.size() + user.history.items().size();
            dropLeastRecentUsers();
        }
        return user;
    }

    /**
     * Reads the user's pairs with one prefix scan: every item is seen, the {@code length} latest form
     * the history (equal values, which only earlier builds' timestamps can have, keep the scan's order).
     */
    private static HeldUser scan(ReadOnlyKeyValueStore<String, Long> store, String userId, int length) {
        String prefix = UserHistory.seenKey(userId, "");
        ItemFingerprints seen = new ItemFingerprints();
        List<KeyValue<String, Long>> pairs = new ArrayList<>();
        try (KeyValueIterator<String, Long> stored = store.prefixScan(prefix, new StringSerializer())) {
            stored.forEachRemaining(pair -> {
                String item = pair.key.substring(prefix.length());
                seen.add(item);
                pairs.add(KeyValue.pair(item, pair.value));
            });
        }
        pairs.sort(Comparator.comparingLong(pair -> pair.value));
        List<String> recent = new ArrayList<>(Math.min(length, pairs.size()));
        for (KeyValue<String, Long> pair : pairs.subList(Math.max(0, pairs.size() - length), pairs.size())) {
            recent.add(pair.key);
        }
        return new HeldUser(seen, new UserHistory(recent));
    }

    /** Keeps the most recently used user even when their entries alone are over the bound. */
    private void dropLeastRecentUsers() {
        if (heldEntries <= maxHeldEntries) {
            return;
        }
        Iterator<HeldUser> eldest = byUser.values().iterator();
        while (heldEntries > maxHeldEntries && byUser.size() > 1) {
            HeldUser dropped = eldest.next();
            heldEntries -= dropped.seen.size() + dropped.history.items().size();
            eldest.remove();
        }
    }

    /** One user's seen set and history; the history is replaced as the user interacts. */
    private static final class HeldUser {
        private final ItemFingerprints seen;
        private UserHistory history;

        HeldUser(ItemFingerprints seen, UserHistory history) {
            this.seen = seen;
            this.history = history;
        }
    }
}
