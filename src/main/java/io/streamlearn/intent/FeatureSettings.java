package io.streamlearn.intent;

/**
 * How text becomes features.
 *
 * @param buckets size of the hashed feature table (rows of the embedding bag)
 * @param charNgramMin shortest character n-gram taken from each word (with {@code <} {@code >} word boundaries)
 * @param charNgramMax longest character n-gram
 * @param wordBigrams whether adjacent word pairs are features too
 * @param hashSeed salt of the feature hash
 */
public record FeatureSettings(int buckets, int charNgramMin, int charNgramMax, boolean wordBigrams, long hashSeed) {

    public FeatureSettings {
        if (buckets < 1 || charNgramMin < 1 || charNgramMax < charNgramMin) {
            throw new IllegalArgumentException("feature table size and n-gram range must be positive");
        }
    }
}
