package io.streamlearn.topology;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueStore;

import io.streamlearn.recommend.UserHistory;

/**
 * Each user's recent items. The store is the durable record; the recently active users' histories
 * are also held here, so an interaction reads its user's history from memory rather than decoding
 * it from the store (a record-cache lookup and a JSON parse, ~5 % of the stream thread). This task
 * is the store's only writer, so a held history stays equal to the stored one.
 */
final class UserHistories {

    /** Users held at most by default (a history of 20 IDs is ~1 KB, so ~20 MB a task). */
    static final int HELD_USERS = 20_000;

    private final KeyValueStore<String, UserHistory> store;
    private final Map<String, UserHistory> held;

    UserHistories(KeyValueStore<String, UserHistory> store) {
        this(store, HELD_USERS);
    }

    /** @param maxHeldUsers beyond this many users held, the least recently active one is dropped */
    UserHistories(KeyValueStore<String, UserHistory> store, int maxHeldUsers) {
        this.store = store;
        this.held = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, UserHistory> eldest) {
                return size() > maxHeldUsers;
            }
        };
    }

    /** The user's history; empty for a user never seen. */
    UserHistory of(String userId) {
        UserHistory history = held.get(userId);
        if (history != null) {
            return history;
        }
        UserHistory stored = store.get(userId);
        return stored == null ? UserHistory.empty() : stored;
    }

    /** Stores the user's new history and holds it. */
    void put(String userId, UserHistory history) {
        store.put(userId, history);
        held.put(userId, history);
    }
}
