package io.streamlearn.intent;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Settings of the intent classifier; README "Configuration" lists the matching keys.
 *
 * @param features how text becomes hashed features
 * @param dimension width of the embedding bag (the sentence representation)
 * @param learningRate Adagrad step size of every parameter
 * @param initScale standard deviation of the initial output weights (feature rows start at zero)
 * @param maxIntents most distinct intents learned; later new labels are not learned
 * @param rehearsalCapacity past labelled messages kept for rehearsal (class-balanced)
 * @param rehearsalRatio replayed past messages mixed into a mini-batch per new labelled message
 * @param stepSize new labelled messages per gradient step: a mini-batch is learned in steps of this
 *        many new messages, each mixed with its share of replayed ones
 * @param calibrationMinSeen labelled messages an intent needs before its messages calibrate the threshold
 * @param alternatives next-best intents published with each prediction
 * @param inScopeCoverage share of in-scope messages the calibrated threshold keeps above it
 * @param fixedThreshold when present, this confidence threshold instead of the calibrated one
 * @param calibrationWindow recent labelled predictions the threshold is calibrated on
 * @param imprintScale a new intent's output row starts at its first message's representation times
 *        this share of the known intents' mean weight norm; 0 = random start
 * @param featureChunkRows feature-table rows per checkpoint row
 * @param seed seed of initialisation and rehearsal sampling
 */
public record IntentConfig(FeatureSettings features, int dimension, float learningRate, float initScale,
        int maxIntents, int rehearsalCapacity, int rehearsalRatio, int stepSize, int alternatives, double inScopeCoverage,
        OptionalDouble fixedThreshold, int calibrationWindow, int calibrationMinSeen, double imprintScale,
        int featureChunkRows, long seed) {

    /** The intent published when the best confidence is below the threshold. */
    public static final String UNKNOWN = "unknown";

    public IntentConfig {
        if (dimension < 1 || maxIntents < 2 || rehearsalCapacity < 0 || rehearsalRatio < 0 || alternatives < 0
                || calibrationWindow < 1 || featureChunkRows < 1 || stepSize < 1 || calibrationMinSeen < 0) {
            throw new IllegalArgumentException("intent model sizes must be positive");
        }
        if (inScopeCoverage <= 0 || inScopeCoverage > 1) {
            throw new IllegalArgumentException("inScopeCoverage must be in (0, 1]");
        }
        if (features.buckets() % featureChunkRows != 0) {
            throw new IllegalArgumentException("feature buckets must be a multiple of featureChunkRows");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    Map<String, String> asMap() {
        Map<String, String> map = new TreeMap<>();
        map.put("buckets", Integer.toString(features.buckets()));
        map.put("charNgramMin", Integer.toString(features.charNgramMin()));
        map.put("charNgramMax", Integer.toString(features.charNgramMax()));
        map.put("wordBigrams", Boolean.toString(features.wordBigrams()));
        map.put("hashSeed", Long.toString(features.hashSeed()));
        map.put("dimension", Integer.toString(dimension));
        map.put("learningRate", Float.toString(learningRate));
        map.put("initScale", Float.toString(initScale));
        map.put("maxIntents", Integer.toString(maxIntents));
        map.put("rehearsalCapacity", Integer.toString(rehearsalCapacity));
        map.put("rehearsalRatio", Integer.toString(rehearsalRatio));
        map.put("stepSize", Integer.toString(stepSize));
        map.put("calibrationMinSeen", Integer.toString(calibrationMinSeen));
        map.put("alternatives", Integer.toString(alternatives));
        map.put("inScopeCoverage", Double.toString(inScopeCoverage));
        map.put("fixedThreshold", fixedThreshold.isPresent() ? Double.toString(fixedThreshold.getAsDouble()) : "calibrated");
        map.put("calibrationWindow", Integer.toString(calibrationWindow));
        map.put("imprintScale", Double.toString(imprintScale));
        map.put("featureChunkRows", Integer.toString(featureChunkRows));
        map.put("seed", Long.toString(seed));
        return map;
    }

    /** Defaults tuned on a class-incremental CLINC150 replay (README, "Intent model"). */
    public static final class Builder {
        private int buckets = 1 << 17;
        private int charNgramMin = 3;
        private int charNgramMax = 3;
        private boolean wordBigrams = true;
        private long hashSeed = 0x5eed;
        private int dimension = 256;
        private float learningRate = 0.5f;
        private float initScale = 0.1f;
        private int maxIntents = 1000;
        private int rehearsalCapacity = 20_000;
        private int rehearsalRatio = 12;
        private int stepSize = 8;
        private int calibrationMinSeen = 20;
        private int alternatives = 3;
        private double inScopeCoverage = 0.99;
        private OptionalDouble fixedThreshold = OptionalDouble.empty();
        private int calibrationWindow = 2000;
        private double imprintScale = 0;
        private int featureChunkRows = 16;
        private long seed = 42;

        public Builder buckets(int value) { buckets = value; return this; }
        public Builder charNgrams(int min, int max) { charNgramMin = min; charNgramMax = max; return this; }
        public Builder wordBigrams(boolean value) { wordBigrams = value; return this; }
        public Builder hashSeed(long value) { hashSeed = value; return this; }
        public Builder dimension(int value) { dimension = value; return this; }
        public Builder learningRate(float value) { learningRate = value; return this; }
        public Builder initScale(float value) { initScale = value; return this; }
        public Builder maxIntents(int value) { maxIntents = value; return this; }
        public Builder rehearsalCapacity(int value) { rehearsalCapacity = value; return this; }
        public Builder rehearsalRatio(int value) { rehearsalRatio = value; return this; }
        public Builder stepSize(int value) { stepSize = value; return this; }
        public Builder calibrationMinSeen(int value) { calibrationMinSeen = value; return this; }
        public Builder alternatives(int value) { alternatives = value; return this; }
        public Builder inScopeCoverage(double value) { inScopeCoverage = value; return this; }
        public Builder fixedThreshold(OptionalDouble value) { fixedThreshold = value; return this; }
        public Builder calibrationWindow(int value) { calibrationWindow = value; return this; }
        public Builder imprintScale(double value) { imprintScale = value; return this; }
        public Builder featureChunkRows(int value) { featureChunkRows = value; return this; }
        public Builder seed(long value) { seed = value; return this; }

        public IntentConfig build() {
            return new IntentConfig(new FeatureSettings(buckets, charNgramMin, charNgramMax, wordBigrams, hashSeed),
                    dimension, learningRate, initScale, maxIntents, rehearsalCapacity, rehearsalRatio, stepSize,
                    alternatives, inScopeCoverage, fixedThreshold, calibrationWindow, calibrationMinSeen, imprintScale,
                    featureChunkRows, seed);
        }
    }
}
