package io.streamlearn.topology;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;

import io.streamlearn.event.Interaction;
import io.streamlearn.event.InteractionType;

/**
 * The journal's entry format: every interaction is journaled once, on the stream thread, so it is
 * written as compact binary rather than JSON (a third of the bytes, no reflection).
 */
final class PendingAnswerSerde extends BinaryStoreSerde<PendingAnswer> {

    PendingAnswerSerde() {
        super(PendingAnswer.class, "journal entry");
    }

    @Override
    void writeFields(DataOutputStream out, PendingAnswer entry) throws IOException {
        writeInteraction(out, entry.interaction());
        out.writeLong(entry.recordTimestamp());
        out.writeBoolean(entry.firstSight());
        writeStrings(out, entry.recentItems());
    }

    @Override
    PendingAnswer readFields(DataInputStream in) throws IOException {
        Interaction interaction = readInteraction(in);
        long recordTimestamp = in.readLong();
        boolean firstSight = in.readBoolean();
        return new PendingAnswer(interaction, recordTimestamp, readStrings(in), firstSight);
    }

    private static void writeInteraction(DataOutputStream out, Interaction interaction) throws IOException {
        out.writeUTF(interaction.eventId());
        out.writeUTF(interaction.userId());
        out.writeUTF(interaction.itemId());
        out.writeUTF(interaction.type().wireName());
        out.writeBoolean(interaction.value() != null);
        if (interaction.value() != null) {
            out.writeDouble(interaction.value());
        }
        out.writeLong(interaction.timestamp());
    }

    private static Interaction readInteraction(DataInputStream in) throws IOException {
        String eventId = in.readUTF();
        String userId = in.readUTF();
        String itemId = in.readUTF();
        String type = in.readUTF();
        Double value = in.readBoolean() ? in.readDouble() : null;
        long timestamp = in.readLong();
        return new Interaction(eventId, userId, itemId, InteractionType.fromWireName(type)
                .orElseThrow(() -> new SerializationException("unknown interaction type in journal entry")),
                value, timestamp);
    }
}
