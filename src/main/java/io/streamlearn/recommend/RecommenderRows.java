package io.streamlearn.recommend;

import java.nio.ByteBuffer;


import io.streamlearn.checkpoint.StateRow;

/**
 * The stored layout of the recommender's state: one row per item (embeddings, bias, Adagrad
 * accumulators, last use, and its row position, kept so that a restored model samples exactly the same
 * negatives as the original when the checkpoint journal is re-learned), plus the model version and
 * provenance. An item row of dimension 64 is 4 · (4·64 + 2) + 8 + 4 = 1,044 bytes.
 */
final class RecommenderRows {

    static final String ITEM_PREFIX = "item/";
    /** Rows of the candidate clusters, once built: their centroids, and their layout in parts. */
    static final String CLUSTERS_PREFIX = "clusters/";
    static final String CENTROIDS_KEY = CLUSTERS_PREFIX + "centroids";
    private static final String LAYOUT_PREFIX = CLUSTERS_PREFIX + "layout/";

    static String layoutKey(int part) {
        return LAYOUT_PREFIX + part;
    }

    /** The part a layout key names, or -1 for another key. */
    static int layoutPart(String key) {
        return key.startsWith(LAYOUT_PREFIX) ? Integer.parseInt(key.substring(LAYOUT_PREFIX.length())) : -1;
    }


    private final int dimension;

    RecommenderRows(int dimension) {
        this.dimension = dimension;
    }

    record ItemState(String itemId, int row, long lastSeen, float[] input, float[] output, float[] bias) {
    }

    String itemKey(String itemId) {
        return ITEM_PREFIX + itemId;
    }

    StateRow itemRow(String itemId, int row, long lastSeen, float[] input, float[] output, float[] bias) {
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES + Long.BYTES
                + Float.BYTES * (input.length + output.length + bias.length));
        buffer.putInt(row);
        buffer.putLong(lastSeen);
        for (float[] part : new float[][] {input, output, bias}) {
            for (float value : part) {
                buffer.putFloat(value);
            }
        }
        return new StateRow(itemKey(itemId), buffer.array());
    }

    ItemState readItem(StateRow row) {
        ByteBuffer buffer = ByteBuffer.wrap(row.value());
        int position = buffer.getInt();
        long lastSeen = buffer.getLong();
        float[] input = floats(buffer, 2 * dimension);
        float[] output = floats(buffer, 2 * dimension);
        float[] bias = floats(buffer, 2);
        return new ItemState(row.key().substring(ITEM_PREFIX.length()), position, lastSeen, input, output, bias);
    }

    private static float[] floats(ByteBuffer buffer, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = buffer.getFloat();
        }
        return values;
    }
}
