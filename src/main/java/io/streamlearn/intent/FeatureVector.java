package io.streamlearn.intent;

/**
 * A message as the model sees it: distinct feature buckets and their weights, which sum to 1 (the
 * embedding bag is the weighted mean of the buckets' rows, so long and short messages are on one scale).
 */
record FeatureVector(int[] buckets, float[] weights) {

    static final FeatureVector EMPTY = new FeatureVector(new int[0], new float[0]);

    boolean isEmpty() {
        return buckets.length == 0;
    }

    /** Weights from repeated bucket ids (a multiset, as the rehearsal buffer keeps them). */
    static FeatureVector fromOccurrences(int[] occurrences) {
        if (occurrences.length == 0) {
            return EMPTY;
        }
        int[] sorted = occurrences.clone();
        java.util.Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        int[] buckets = new int[distinct];
        float[] weights = new float[distinct];
        int slot = -1;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                buckets[++slot] = sorted[i];
            }
            weights[slot] += 1f / sorted.length;
        }
        return new FeatureVector(buckets, weights);
    }
}
