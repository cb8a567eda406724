package io.streamlearn.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.streamlearn.event.Interaction;
import io.streamlearn.event.InteractionType;
import io.streamlearn.event.JsonSerde;

class PendingAnswerSerdeTest {

    private final PendingAnswerSerde serde = new PendingAnswerSerde();

    @Test
    void roundTripsEveryField() {
        PendingAnswer rated = new PendingAnswer(new Interaction("e-1", "user é", "item-9", InteractionType.RATING, 4.5,
                1_700_000_000_123L), 1_700_000_000_456L, List.of("item-1", "item-2"), true);
        PendingAnswer viewed = new PendingAnswer(new Interaction("e-2", "u", "i", InteractionType.VIEW, null, 7L), 8L,
                List.of(), false);

        assertThat(serde.deserialize("t", serde.serialize("t", rated))).isEqualTo(rated);
        assertThat(serde.deserialize("t", serde.serialize("t", viewed))).isEqualTo(viewed);
    }

    @Test
    void readsEntriesJournaledAsJsonByEarlierVersions() {
        PendingAnswer entry = new PendingAnswer(new Interaction("e-3", "u", "i", InteractionType.CLICK, null, 5L), 6L,
                List.of("a"), false);
        byte[] json = new JsonSerde<>(PendingAnswer.class).serialize("t", entry);

        assertThat(serde.deserialize("t", json)).isEqualTo(entry);
    }

    @Test
    void readsTheBinaryLayoutJournaledByEarlierVersions() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF("e-4");
            out.writeUTF("u");
            out.writeUTF("i");
            out.writeUTF("rating");
            out.writeBoolean(true);
            out.writeDouble(3.0);
            out.writeLong(9L);
            out.writeLong(10L);
            out.writeBoolean(true);
            out.writeShort(2);
            out.writeUTF("a");
            out.writeUTF("b");
        }

        assertThat(serde.deserialize("t", bytes.toByteArray())).isEqualTo(new PendingAnswer(
                new Interaction("e-4", "u", "i", InteractionType.RATING, 3.0, 9L), 10L, List.of("a", "b"), true));
    }

    @Test
    void isSmallerThanTheJsonForm() {
        PendingAnswer entry = new PendingAnswer(new Interaction("event-123456", "user-4242", "item-777",
                InteractionType.PURCHASE, null, 1_700_000_000_000L), 1_700_000_000_001L,
                List.of("item-1", "item-22", "item-333", "item-4444"), false);

        assertThat(serde.serialize("t", entry).length)
                .isLessThan(new JsonSerde<>(PendingAnswer.class).serialize("t", entry).length);
    }

    @Test
    void rejectsAnUnknownFormatClearly() {
        assertThatThrownBy(() -> serde.deserialize("t", new byte[] {9, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format");
    }
}
