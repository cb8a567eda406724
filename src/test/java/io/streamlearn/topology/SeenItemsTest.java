package io.streamlearn.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.streamlearn.recommend.UserHistory;

class SeenItemsTest {

    private KeyValueStore<String, Long> store;

    @BeforeEach
    void openStore() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("seen"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void reportsFirstSightsOnceAndStoresEachPair() {
        SeenItems seen = new SeenItems(store);

        assertThat(seen.markSeen("u1", "i1", 10L)).isTrue();
        assertThat(seen.markSeen("u1", "i1", 20L)).isFalse();
        assertThat(seen.seenBy("u1").test("i1")).isTrue();
        assertThat(seen.seenBy("u1").test("i2")).isFalse();
        assertThat(store.get(UserHistory.seenKey("u1", "i1"))).isEqualTo(10L);
    }

    @Test
    void aNewInstanceReadsWhatTheStoreHoldsAndKeepsUsersWithSimilarIdsApart() {
        SeenItems before = new SeenItems(store);
        before.markSeen("u1", "0", 1L);
        before.markSeen("u10", "x", 2L);

        SeenItems after = new SeenItems(store);

        assertThat(after.seenBy("u1").test("0")).isTrue();
        assertThat(after.seenBy("u1").test("x")).isFalse();
        assertThat(after.seenBy("u10").test("x")).isTrue();
        assertThat(after.markSeen("u1", "0", 3L)).isFalse();
    }

    @Test
    void aUserDroppedFromMemoryIsReadAgainFromTheStore() {
        SeenItems seen = new SeenItems(store, 3);
        seen.markSeen("a", "i1", 1L);
        seen.markSeen("a", "i2", 2L);
        seen.markSeen("b", "i1", 3L);
        seen.markSeen("b", "i2", 4L);

        assertThat(seen.seenBy("a").test("i2")).isTrue();
        assertThat(seen.markSeen("a", "i2", 5L)).isFalse();
        assertThat(seen.seenBy("b").test("i3")).isFalse();
    }

    @Test
    void aUserHeldAsNewStartsEmptyWithoutReadingTheStore() {
        store.put(UserHistory.seenKey("u1", "i1"), 1L);
        SeenItems seen = new SeenItems(store);

        seen.holdNewUser("u1");

        assertThat(seen.seenBy("u1").test("i1")).isFalse();
        assertThat(seen.markSeen("u1", "i2", 2L)).isTrue();
        assertThat(store.get(UserHistory.seenKey("u1", "i2"))).isEqualTo(2L);
    }
}
