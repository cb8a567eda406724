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

/**
 * A store value written once per interaction, as compact binary: a format byte, then the fields
 * the subclass writes (fewer bytes than JSON, though not quicker to write: {@code writeUTF} is not
 * quick). Values that start with '{' were written as JSON by earlier versions
 * and are still read, so a store survives an upgrade.
 */
abstract class BinaryStoreSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private static final byte BINARY_V1 = 1;
    private static final byte JSON_OBJECT = '{';
    private static final int EXPECTED_BYTES = 192;

    private final String valueName;
    private final JsonSerde<T> legacy;

    /** @param valueName what a value is, for error messages (e.g. "journal entry") */
    BinaryStoreSerde(Class<T> type, String valueName) {
        this.valueName = valueName;
        this.legacy = new JsonSerde<>(type);
    }

    abstract void writeFields(DataOutputStream out, T value) throws IOException;

    abstract T readFields(DataInputStream in) throws IOException;

    static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeShort(strings.size());
        for (String string : strings) {
            out.writeUTF(string);
        }
    }

    static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(in.readUTF());
        }
        return List.copyOf(strings);
    }

    @Override
    public final byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(EXPECTED_BYTES);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(BINARY_V1);
            writeFields(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public final T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == JSON_OBJECT) {
            return legacy.deserialize(topic, data);
        }
        if (data.length == 0 || data[0] != BINARY_V1) {
            throw new SerializationException("unknown " + valueName + " format " + (data.length == 0 ? "(empty)" : data[0]));
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1))) {
            return readFields(in);
        } catch (IOException e) {
            throw new SerializationException("truncated " + valueName, e);
        }
    }

    @Override
    public final void configure(Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: the layout is fixed.
    }

    @Override
    public final void close() {
        // Nothing to release.
    }

    @Override
    public final Serializer<T> serializer() {
        return this;
    }

    @Override
    public final Deserializer<T> deserializer() {
        return this;
    }
}
