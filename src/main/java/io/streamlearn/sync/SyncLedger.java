package io.streamlearn.sync;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import io.streamlearn.checkpoint.StateRow;

/**
 * A task's position in the exchange as of its last checkpoint, stored with it (same transaction as
 * the publication and the folded rows): the number of exchanges so far, the sequence number of its
 * own latest publication, and for each other source the latest sequence folded in. This is what makes every publication folded in exactly
 * once by every replica, across crashes and task moves.
 */
final class SyncLedger {

    static final String KEY = "sync/ledger";

    private long exchanges;
    private long published;
    private final Map<String, Long> applied = new TreeMap<>();

    long published() {
        return published;
    }

    long nextSequence() {
        return ++published;
    }

    void published(long sequence) {
        published = sequence;
    }

    long nextExchange() {
        return ++exchanges;
    }

    void exchanges(long count) {
        exchanges = count;
    }

    long applied(String source) {
        return applied.getOrDefault(source, 0L);
    }

    void applied(String source, long sequence) {
        applied.put(source, sequence);
    }

    StateRow row() {
        int size = 2 * Long.BYTES + Integer.BYTES;
        for (String source : applied.keySet()) {
            size += Integer.BYTES + source.getBytes(StandardCharsets.UTF_8).length + Long.BYTES;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size).putLong(exchanges).putLong(published).putInt(applied.size());
        applied.forEach((source, sequence) -> {
            byte[] name = source.getBytes(StandardCharsets.UTF_8);
            buffer.putInt(name.length).put(name).putLong(sequence);
        });
        return new StateRow(KEY, buffer.array());
    }

    static SyncLedger read(byte[] stored) {
        SyncLedger ledger = new SyncLedger();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(stored);
            ledger.exchanges = buffer.getLong();
            ledger.published = buffer.getLong();
            int sources = buffer.getInt();
            for (int i = 0; i < sources; i++) {
                byte[] name = new byte[buffer.getInt()];
                buffer.get(name);
                ledger.applied.put(new String(name, StandardCharsets.UTF_8), buffer.getLong());
            }
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalStateException("stored sync ledger is truncated", e);
        }
        return ledger;
    }
}
