package io.streamlearn.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The texts of recent support messages by messageId, so that feedback arriving later can be joined
 * to them, kept for the retention and then removed. Expiry goes through a time index (due time,
 * messageId) so a purge reads only what is due instead of scanning every message:
 *
 * <ol>
 *   <li>at receivedAt + retention the text is dropped and a marker is kept;</li>
 *   <li>at receivedAt + 2 · retention the marker goes too; feedback after that is "unknown".</li>
 * </ol>
 *
 * Times are record (event) times, so expiry follows stream time and replays deterministically.
 */
final class MessageArchive {

    private static final byte DROP_TEXT = 1;
    private static final byte FORGET = 2;

    private final KeyValueStore<String, ArchivedMessage> messages;
    private final KeyValueStore<Bytes, byte[]> expiryIndex;
    private final long retentionMillis;

    MessageArchive(KeyValueStore<String, ArchivedMessage> messages, KeyValueStore<Bytes, byte[]> expiryIndex,
            Duration retention) {
        this.messages = messages;
        this.expiryIndex = expiryIndex;
        this.retentionMillis = retention.toMillis();
    }

    boolean contains(String messageId) {
        return messages.get(messageId) != null;
    }

    void keep(String messageId, String text, long receivedAt, String answeredIntent) {
        messages.put(messageId, new ArchivedMessage(text, receivedAt, answeredIntent));
        expiryIndex.put(indexKey(receivedAt + retentionMillis, messageId), new byte[] {DROP_TEXT});
    }

    /** What feedback at {@code feedbackTime} finds for a message id. */
    Lookup lookup(String messageId, long feedbackTime) {
        ArchivedMessage message = messages.get(messageId);
        if (message == null) {
            return new Lookup.Unknown();
        }
        if (message.isExpired() || feedbackTime - message.receivedAt() > retentionMillis) {
            return new Lookup.Expired();
        }
        return new Lookup.Found(message);
    }

    /** Applies every expiry step due at or before {@code streamTime}. */
    void purge(long streamTime) {
        List<KeyValue<Bytes, byte[]>> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> range = expiryIndex.range(indexKey(0, ""), indexKey(streamTime + 1, ""))) {
            range.forEachRemaining(due::add);
        }
        for (KeyValue<Bytes, byte[]> entry : due) {
            ByteBuffer key = ByteBuffer.wrap(entry.key.get());
            long dueTime = key.getLong();
            String messageId = StandardCharsets.UTF_8.decode(key).toString();
            expiryIndex.delete(entry.key);
            ArchivedMessage message = messages.get(messageId);
            if (message == null) {
                continue;
            }
            if (entry.value[0] == DROP_TEXT) {
                messages.put(messageId, message.expired());
                expiryIndex.put(indexKey(dueTime + retentionMillis, messageId), new byte[] {FORGET});
            } else {
                messages.delete(messageId);
            }
        }
    }

    /** Big-endian time first: byte order is time order, so a range read returns exactly the due entries. */
    private static Bytes indexKey(long time, String messageId) {
        byte[] id = messageId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + id.length).putLong(Math.max(0, time)).put(id).array());
    }

    sealed interface Lookup {
        record Found(ArchivedMessage message) implements Lookup {
        }

        record Unknown() implements Lookup {
        }

        record Expired() implements Lookup {
        }
    }
}
