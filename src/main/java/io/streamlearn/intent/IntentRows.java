package io.streamlearn.intent;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;


import io.streamlearn.checkpoint.ModelProvenance;
import io.streamlearn.checkpoint.StateRow;

/**
 * The stored layout of the intent model: small rows, so each mini-batch rewrites only what it
 * touched. With the defaults (dimension 256, 16 feature rows per chunk) a feature chunk is
 * 16 · 257 · 4 = 16,448 bytes, an intent row 4 · 514 + 12 + name bytes, a rehearsal slot at most 2 KB.
 *
 * <pre>
 *   meta/provenance      JSON {@link ModelProvenance}
 *   meta/version         long
 *   meta/calibration     recent in-scope confidences (ring position, count, values)
 *   intent/NNNNN         name, labelled messages seen, output weights, bias, Adagrad accumulators
 *   features/NNNNNN      a chunk of feature rows (values + row accumulator); absent = all zero
 *   rehearsal/NNNNNN     intent row and hashed feature occurrences of one remembered message
 * </pre>
 */
final class IntentRows {

    static final String CALIBRATION_KEY = "meta/calibration";
    static final String INTENT_PREFIX = "intent/";
    static final String FEATURES_PREFIX = "features/";
    static final String REHEARSAL_PREFIX = "rehearsal/";


    record IntentState(int row, String name, long seen, float[] parameters) {
    }

    StateRow intentRow(int row, String name, long seen, float[] parameters) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES + nameBytes.length + Long.BYTES
                + Float.BYTES * parameters.length);
        buffer.putInt(nameBytes.length).put(nameBytes).putLong(seen);
        buffer.asFloatBuffer().put(parameters);
        return new StateRow(intentKey(row), buffer.array());
    }

    IntentState readIntent(StateRow row) {
        ByteBuffer buffer = ByteBuffer.wrap(row.value());
        byte[] name = new byte[buffer.getInt()];
        buffer.get(name);
        long seen = buffer.getLong();
        return new IntentState(index(row, INTENT_PREFIX), new String(name, StandardCharsets.UTF_8), seen,
                floats(buffer, buffer.remaining() / Float.BYTES));
    }

    StateRow featureChunk(int chunk, float[] values) {
        return new StateRow(featureKey(chunk), floatBytes(values));
    }

    int chunkIndex(StateRow row) {
        return index(row, FEATURES_PREFIX);
    }

    float[] readFloats(StateRow row) {
        ByteBuffer buffer = ByteBuffer.wrap(row.value());
        return floats(buffer, buffer.remaining() / Float.BYTES);
    }

    StateRow rehearsalRow(int slot, RehearsalBuffer.Example example) {
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES * (1 + example.occurrences().length));
        buffer.putInt(example.label());
        buffer.asIntBuffer().put(example.occurrences());
        return new StateRow(rehearsalKey(slot), buffer.array());
    }

    int slotIndex(StateRow row) {
        return index(row, REHEARSAL_PREFIX);
    }

    RehearsalBuffer.Example readRehearsal(StateRow row) {
        ByteBuffer buffer = ByteBuffer.wrap(row.value());
        int label = buffer.getInt();
        int[] occurrences = new int[buffer.remaining() / Integer.BYTES];
        buffer.asIntBuffer().get(occurrences);
        return new RehearsalBuffer.Example(label, occurrences);
    }

    StateRow calibrationRow(float[] state) {
        return new StateRow(CALIBRATION_KEY, floatBytes(state));
    }

    static String intentKey(int row) {
        return zeroPadded(INTENT_PREFIX, row, 5);
    }

    static String featureKey(int chunk) {
        return zeroPadded(FEATURES_PREFIX, chunk, 6);
    }

    static String rehearsalKey(int slot) {
        return zeroPadded(REHEARSAL_PREFIX, slot, 6);
    }

    /**
     * {@code prefix} and the index padded with zeros to {@code width} digits, so keys sort by index.
     * Every mini-batch names each changed row: with {@code String.format} that was 4–10 % of the
     * support stream thread in the load test.
     */
    private static String zeroPadded(String prefix, int index, int width) {
        String digits = Integer.toString(index);
        return prefix + "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    static int index(String key, String prefix) {
        return Integer.parseInt(key.substring(prefix.length()));
    }

    private static int index(StateRow row, String prefix) {
        return index(row.key(), prefix);
    }

    private static byte[] floatBytes(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(Float.BYTES * values.length);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    private static float[] floats(ByteBuffer buffer, int count) {
        float[] values = new float[count];
        buffer.asFloatBuffer().get(values);
        buffer.position(buffer.position() + count * Float.BYTES);
        return values;
    }
}
