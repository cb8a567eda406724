package io.streamlearn.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import io.streamlearn.event.JsonSerde;
import io.streamlearn.recommend.UserHistory;

/**
 * The user-history store's value format. Every interaction rewrites its user's history, so it is
 * written as compact binary (a format byte, then the item IDs) rather than JSON through data
 * binding, which was 1.6 % of the stream thread in the load test. Histories stored as JSON by
 * earlier versions (which start with '{') are still read, so the store survives an upgrade.
 */
final class UserHistorySerde implements Serde<UserHistory>, Serializer<UserHistory>, Deserializer<UserHistory> {

    private static final byte BINARY_V1 = 1;
    private static final byte JSON_OBJECT = '{';

    private final JsonSerde<UserHistory> legacy = new JsonSerde<>(UserHistory.class);

    @Override
    public byte[] serialize(String topic, UserHistory history) {
        if (history == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 8 * history.items().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(BINARY_V1);
            out.writeShort(history.items().size());
            for (String item : history.items()) {
                out.writeUTF(item);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public UserHistory deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == JSON_OBJECT) {
            return legacy.deserialize(topic, data);
        }
        if (data.length == 0 || data[0] != BINARY_V1) {
            throw new SerializationException("unknown user history format " + (data.length == 0 ? "(empty)" : data[0]));
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1))) {
            int count = in.readUnsignedShort();
            List<String> items = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                items.add(in.readUTF());
            }
            return new UserHistory(items);
        } catch (IOException e) {
            throw new SerializationException("truncated user history", e);
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: the layout is fixed.
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    @Override
    public Serializer<UserHistory> serializer() {
        return this;
    }

    @Override
    public Deserializer<UserHistory> deserializer() {
        return this;
    }
}
