package io.streamlearn.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.streamlearn.recommend.SeenItems;
import io.streamlearn.recommend.UserHistory;

class UserItemsTest {

    private static final int HISTORY_LENGTH = 3;

    private KeyValueStore<String, Long> store;

    @BeforeEach
    void openStore() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("user-items"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void reportsFirstSightsOnceAndStoresEachPairWithItsLatestArrival() {
        UserItems users = new UserItems(store, HISTORY_LENGTH);

        assertThat(users.record("u1", "i1", 10L)).isTrue();
        assertThat(users.record("u1", "i1", 20L)).isFalse();
        assertThat(users.seenBy("u1").contains(SeenItems.fingerprint("i1"))).isTrue();
        assertThat(users.seenBy("u1").contains(SeenItems.fingerprint("i2"))).isFalse();
        assertThat(store.get(UserHistory.seenKey("u1", "i1"))).isEqualTo(UserItems.ARRIVAL_BASE + 20L);
    }

    @Test
    void theHistoryKeepsTheMostRecentItemsOldestFirstAndMovesAReturnToTheEnd() {
        UserItems users = new UserItems(store, HISTORY_LENGTH);
        users.record("u1", "a", 1L);
        users.record("u1", "b", 2L);
        users.record("u1", "c", 3L);
        users.record("u1", "a", 4L);
        users.record("u1", "d", 5L);

        assertThat(users.historyOf("u1").items()).containsExactly("c", "a", "d");
        assertThat(users.historyOf("u2").items()).isEmpty();
    }

    @Test
    void aNewInstanceRebuildsSeenItemsAndHistoryFromTheStoreAndKeepsUsersWithSimilarIdsApart() {
        UserItems before = new UserItems(store, HISTORY_LENGTH);
        before.record("u1", "z", 1L);
        before.record("u1", "0", 2L);
        before.record("u10", "x", 3L);
        before.record("u1", "y", 4L);
        before.record("u1", "z", 5L);
        before.record("u1", "w", 6L);

        UserItems after = new UserItems(store, HISTORY_LENGTH);

        assertThat(after.historyOf("u1").items()).isEqualTo(before.historyOf("u1").items()).containsExactly("y", "z", "w");
        assertThat(UserItems.stored(store, "u1", HISTORY_LENGTH).history().items()).containsExactly("y", "z", "w");
        assertThat(after.seenBy("u1").contains(SeenItems.fingerprint("0"))).isTrue();
        assertThat(after.seenBy("u1").contains(SeenItems.fingerprint("x"))).isFalse();
        assertThat(after.seenBy("u10").contains(SeenItems.fingerprint("x"))).isTrue();
        assertThat(after.historyOf("u10").items()).containsExactly("x");
        assertThat(after.record("u1", "0", 7L)).isFalse();
    }

    /** Earlier builds stored each pair's interaction timestamp: those pairs are older than any written since. */
    @Test
    void pairsStoredByEarlierBuildsRankAsOlderThanNewOnesAndByTimeAmongThemselves() {
        store.put(UserHistory.seenKey("u1", "old-late"), 1_700_000_002_000L);
        store.put(UserHistory.seenKey("u1", "old-early"), 1_700_000_001_000L);
        UserItems users = new UserItems(store, HISTORY_LENGTH);

        assertThat(users.historyOf("u1").items()).containsExactly("old-early", "old-late");
        users.record("u1", "new", 1L);

        assertThat(new UserItems(store, HISTORY_LENGTH).historyOf("u1").items())
                .containsExactly("old-early", "old-late", "new");
    }

    /** Held users answer from memory; a dropped one is read from the store again (changed here behind its back to tell the two apart). */
    @Test
    void onlyTheMostRecentlyActiveUsersAreHeld() {
        UserItems users = new UserItems(store, HISTORY_LENGTH, 4);
        users.record("a", "i1", 1L);
        users.record("b", "i2", 2L);
        users.historyOf("a");
        users.record("c", "i3", 3L);
        store.put(UserHistory.seenKey("a", "changed"), UserItems.ARRIVAL_BASE + 9L);
        store.put(UserHistory.seenKey("b", "changed"), UserItems.ARRIVAL_BASE + 9L);

        assertThat(users.historyOf("a").items()).containsExactly("i1");
        assertThat(users.seenBy("a").contains(SeenItems.fingerprint("changed"))).isFalse();
        assertThat(users.historyOf("b").items()).containsExactly("i2", "changed");
        assertThat(users.seenBy("b").contains(SeenItems.fingerprint("changed"))).isTrue();
    }
}
