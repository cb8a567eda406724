package io.streamlearn.sync;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.streamlearn.checkpoint.CheckpointStore;
import io.streamlearn.checkpoint.StateRow;

/**
 * What one exchange between checkpoints did, stored with the model's rows so that a restore can
 * redo it at the same point of the journal: after the mini-batch that produced {@code afterVersion},
 * the task published its increments as {@code ownSequence} (0: nothing to publish) and folded in
 * the publications {@code folded}.
 */
record ExchangeMarker(long number, long afterVersion, long ownSequence, List<Range> folded) {

    static final String PREFIX = CheckpointStore.EXCHANGE_MARKER_PREFIX;

    /** Publications {@code from..to} of one source. */
    record Range(String source, long from, long to) {
    }

    String key() {
        return key(number);
    }

    static String key(long number) {
        return String.format("%s%019d", PREFIX, number);
    }

    StateRow row() {
        List<byte[]> names = folded.stream().map(r -> r.source().getBytes(StandardCharsets.UTF_8)).toList();
        int size = 3 * Long.BYTES + Integer.BYTES;
        for (byte[] name : names) {
            size += Integer.BYTES + name.length + 2 * Long.BYTES;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size).putLong(number).putLong(afterVersion).putLong(ownSequence)
                .putInt(folded.size());
        for (int i = 0; i < folded.size(); i++) {
            buffer.putInt(names.get(i).length).put(names.get(i)).putLong(folded.get(i).from()).putLong(folded.get(i).to());
        }
        return new StateRow(key(), buffer.array());
    }

    static ExchangeMarker read(byte[] stored) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(stored);
            long number = buffer.getLong();
            long afterVersion = buffer.getLong();
            long ownSequence = buffer.getLong();
            int count = buffer.getInt();
            List<Range> folded = new ArrayList<>(Math.min(count, 1024));
            for (int i = 0; i < count; i++) {
                byte[] name = new byte[buffer.getInt()];
                buffer.get(name);
                folded.add(new Range(new String(name, StandardCharsets.UTF_8), buffer.getLong(), buffer.getLong()));
            }
            return new ExchangeMarker(number, afterVersion, ownSequence, folded);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalStateException("stored exchange marker is truncated", e);
        }
    }
}
