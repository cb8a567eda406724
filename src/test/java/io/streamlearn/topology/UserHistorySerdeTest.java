package io.streamlearn.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.streamlearn.event.JsonSerde;
import io.streamlearn.recommend.UserHistory;

class UserHistorySerdeTest {

    private final UserHistorySerde serde = new UserHistorySerde();

    @Test
    void roundTripsItemsInOrder() {
        UserHistory history = new UserHistory(List.of("item-3", "ítem é", "i1", "x".repeat(256)));

        assertThat(serde.deserialize("t", serde.serialize("t", history))).isEqualTo(history);
        assertThat(serde.deserialize("t", serde.serialize("t", UserHistory.empty()))).isEqualTo(UserHistory.empty());
    }

    @Test
    void readsHistoriesStoredAsJsonByEarlierVersions() {
        UserHistory history = new UserHistory(List.of("a", "b"));
        byte[] json = new JsonSerde<>(UserHistory.class).serialize("t", history);

        assertThat(serde.deserialize("t", json)).isEqualTo(history);
    }

    @Test
    void isSmallerThanTheJsonForm() {
        UserHistory history = new UserHistory(List.of("item-1", "item-22", "item-333", "item-4444"));

        assertThat(serde.serialize("t", history).length)
                .isLessThan(new JsonSerde<>(UserHistory.class).serialize("t", history).length);
    }

    @Test
    void rejectsAnUnknownOrTruncatedValueClearly() {
        byte[] stored = serde.serialize("t", new UserHistory(List.of("item-1")));
        byte[] truncated = java.util.Arrays.copyOf(stored, stored.length - 2);

        assertThatThrownBy(() -> serde.deserialize("t", new byte[] {9, 0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> serde.deserialize("t", truncated))
                .isInstanceOf(SerializationException.class).hasMessageContaining("truncated");
    }
}
