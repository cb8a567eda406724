package io.streamlearn.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.streamlearn.recommend.UserHistory;

class UserHistoriesTest {

    private KeyValueStore<String, UserHistory> store;

    @BeforeEach
    void openStore() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("histories"), Serdes.String(),
                new UserHistorySerde()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void aNewUserHasAnEmptyHistoryAndEveryPutReachesTheStore() {
        UserHistories histories = new UserHistories(store);

        assertThat(histories.of("u1").items()).isEmpty();
        histories.put("u1", new UserHistory(List.of("i1", "i2")));

        assertThat(histories.of("u1").items()).containsExactly("i1", "i2");
        assertThat(store.get("u1").items()).containsExactly("i1", "i2");
    }

    @Test
    void aNewInstanceReadsWhatTheStoreHolds() {
        new UserHistories(store).put("u1", new UserHistory(List.of("i1")));

        assertThat(new UserHistories(store).of("u1").items()).containsExactly("i1");
    }

    /** Held users answer from memory; a dropped one is read from the store again (changed here behind its back to tell the two apart). */
    @Test
    void onlyTheMostRecentlyActiveUsersAreHeld() {
        UserHistories histories = new UserHistories(store, 2);
        histories.put("a", new UserHistory(List.of("i1")));
        histories.put("b", new UserHistory(List.of("i2")));
        histories.of("a");
        histories.put("c", new UserHistory(List.of("i3")));
        store.put("a", new UserHistory(List.of("changed")));
        store.put("b", new UserHistory(List.of("changed")));

        assertThat(histories.of("a").items()).containsExactly("i1");
        assertThat(histories.of("b").items()).containsExactly("changed");
    }
}
