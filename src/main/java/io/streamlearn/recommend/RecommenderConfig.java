package io.streamlearn.recommend;

import java.util.Map;
import java.util.TreeMap;

/**
 * Settings of the sequence-aware recommender; see README, "Configuration", for each key.
 *
 * @param dimension embedding width
 * @param historyLength how many of the user's most recent items form the user representation
 * @param historyDecay weight ratio between consecutive history positions (most recent weighs most)
 * @param negatives uniformly sampled negative items per positive
 * @param learningRate Adagrad step size
 * @param initScale standard deviation of the initial embedding values
 * @param itemCapacity most items held at once; beyond it the longest-idle item is evicted
 * @param itemIdleMillis an item unused this long in event time, counted back from the newest event
 *        learned, is evicted even below capacity; 0 keeps every item until capacity is reached
 * @param topK length of each recommendation list
 * @param seed seed of initialisation and negative sampling
 * @param candidateClusters clusters of items an answer chooses its candidates from
 *        ({@link ItemClusters}); 0 scores every item for every answer
 * @param candidateProbes clusters each answer scores the items of
 */
public record RecommenderConfig(int dimension, int historyLength, float historyDecay, int negatives, float learningRate,
        float initScale, int itemCapacity, long itemIdleMillis, int topK, long seed, int candidateClusters,
        int candidateProbes) {

    /**
     * Longest history allowed. Weights decay per position, so beyond a few dozen items they vanish
     * (0.8^50 is about 10^-5); and the stores count a history's items in two bytes.
     */
    public static final int MAX_HISTORY_LENGTH = 1_000;
    /** Most centroid values: the centroids are one checkpoint row, at most 512 KB. */
    public static final int MAX_CENTROID_VALUES = 131_072;

    public RecommenderConfig {
        if (historyDecay <= 0 || historyDecay > 1) {
            throw new IllegalArgumentException("historyDecay must be in (0, 1]");
        }
        if (itemIdleMillis < 0) {
            throw new IllegalArgumentException("itemIdleMillis must be 0 (never idle) or more");
        }
        if (dimension < 1 || historyLength < 1 || negatives < 1 || itemCapacity < 2 || topK < 1) {
            throw new IllegalArgumentException("recommender sizes must be positive");
        }
        if (candidateClusters < 0 || candidateProbes < 1) {
            throw new IllegalArgumentException("candidateClusters must be 0 (score every item) or more, candidateProbes 1 or more");
        }
        if ((long) candidateClusters * (dimension + 1) > MAX_CENTROID_VALUES) {
            throw new IllegalArgumentException("candidateClusters × (dimension + 1) must be at most " + MAX_CENTROID_VALUES
                    + " (the centroids are one checkpoint row), was " + (long) candidateClusters * (dimension + 1));
        }
        if (historyLength > MAX_HISTORY_LENGTH) {
            throw new IllegalArgumentException("historyLength must be at most " + MAX_HISTORY_LENGTH + ", was " + historyLength);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    Map<String, String> asMap() {
        Map<String, String> map = new TreeMap<>();
        map.put("dimension", Integer.toString(dimension));
        map.put("historyLength", Integer.toString(historyLength));
        map.put("historyDecay", Float.toString(historyDecay));
        map.put("negatives", Integer.toString(negatives));
        map.put("learningRate", Float.toString(learningRate));
        map.put("initScale", Float.toString(initScale));
        map.put("itemCapacity", Integer.toString(itemCapacity));
        map.put("itemIdleMillis", Long.toString(itemIdleMillis));
        map.put("topK", Integer.toString(topK));
        map.put("seed", Long.toString(seed));
        map.put("candidateClusters", Integer.toString(candidateClusters));
        map.put("candidateProbes", Integer.toString(candidateProbes));
        return map;
    }

    /** Defaults tuned on a MovieLens replay (see the core issue's note). */
    public static final class Builder {
        private int dimension = 64;
        private int historyLength = 20;
        private float historyDecay = 0.8f;
        private int negatives = 32;
        private float learningRate = 0.5f;
        private float initScale = 0.1f;
        private int itemCapacity = 1_000_000;
        private long itemIdleMillis = 0;
        private int topK = 10;
        private long seed = 42;
        private int candidateClusters = 128;
        private int candidateProbes = 32;

        public Builder dimension(int value) { dimension = value; return this; }
        public Builder historyLength(int value) { historyLength = value; return this; }
        public Builder historyDecay(float value) { historyDecay = value; return this; }
        public Builder negatives(int value) { negatives = value; return this; }
        public Builder learningRate(float value) { learningRate = value; return this; }
        public Builder initScale(float value) { initScale = value; return this; }
        public Builder itemCapacity(int value) { itemCapacity = value; return this; }
        public Builder itemIdleMillis(long value) { itemIdleMillis = value; return this; }
        public Builder topK(int value) { topK = value; return this; }
        public Builder seed(long value) { seed = value; return this; }
        public Builder candidateClusters(int value) { candidateClusters = value; return this; }
        public Builder candidateProbes(int value) { candidateProbes = value; return this; }

        public RecommenderConfig build() {
            return new RecommenderConfig(dimension, historyLength, historyDecay, negatives, learningRate, initScale,
                    itemCapacity, itemIdleMillis, topK, seed, candidateClusters, candidateProbes);
        }
    }
}
