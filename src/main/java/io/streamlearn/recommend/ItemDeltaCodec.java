package io.streamlearn.recommend;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.streamlearn.sync.DeltaCodec;

/**
 * {@code [short idLength][id UTF-8][long lastSeen][byte parts][floats of each present part]}: at
 * dimension 64 about 1,050 bytes for an item with all three parts, 540 for a candidate-only item.
 */
public final class ItemDeltaCodec implements DeltaCodec<ItemDelta> {

    private final int dimension;

    public ItemDeltaCodec(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public byte[] encode(ItemDelta delta) {
        byte[] id = delta.itemId().getBytes(StandardCharsets.UTF_8);
        float[][] parts = {delta.input(), delta.output(), delta.bias()};
        int[] widths = widths();
        int floats = 0;
        byte present = 0;
        for (int p = 0; p < parts.length; p++) {
            if (parts[p] != null) {
                present |= (byte) (1 << p);
                floats += widths[p];
            }
        }
        ByteBuffer buffer = ByteBuffer.allocate(Short.BYTES + id.length + Long.BYTES + 1 + Float.BYTES * floats);
        buffer.putShort((short) id.length).put(id).putLong(delta.lastSeen()).put(present);
        for (int p = 0; p < parts.length; p++) {
            if (parts[p] != null) {
                put(buffer, parts[p], widths[p]);
            }
        }
        return buffer.array();
    }

    @Override
    public ItemDelta decode(ByteBuffer buffer) {
        try {
            byte[] id = new byte[buffer.getShort()];
            buffer.get(id);
            long lastSeen = buffer.getLong();
            byte present = buffer.get();
            int[] widths = widths();
            float[][] parts = new float[3][];
            for (int p = 0; p < parts.length; p++) {
                parts[p] = (present & (1 << p)) == 0 ? null : floats(buffer, widths[p]);
            }
            return new ItemDelta(new String(id, StandardCharsets.UTF_8), lastSeen, parts[0], parts[1], parts[2]);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("truncated item delta (dimension " + dimension + ")", e);
        }
    }

    /** Floats of the input, output and bias parts: values and accumulators. */
    private int[] widths() {
        return new int[] {2 * dimension, 2 * dimension, 2};
    }

    private static void put(ByteBuffer buffer, float[] values, int expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException("item delta part has " + values.length + " values, expected " + expected);
        }
        for (float value : values) {
            buffer.putFloat(value);
        }
    }

    private static float[] floats(ByteBuffer buffer, int count) {
        if (buffer.remaining() < Float.BYTES * count) {
            throw new BufferUnderflowException();
        }
        float[] values = new float[count];
        buffer.asFloatBuffer().get(values);
        buffer.position(buffer.position() + Float.BYTES * count);
        return values;
    }
}
