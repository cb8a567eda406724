package io.streamlearn.learn;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Test-then-train quality and learning counters of one model kind, summed over all its tasks in
 * this instance. Thread-safe: stream threads write, the HTTP and metrics threads read.
 */
public final class PrequentialMetrics {

    private final AtomicLong predictions = new AtomicLong();
    private final AtomicLong relevant = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final DoubleAdder reciprocalRanks = new DoubleAdder();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong examplesLearned = new AtomicLong();
    private final AtomicLong lastBatchSize = new AtomicLong();
    private final AtomicLong modelVersion = new AtomicLong();

    /**
     * Records one prediction made before learning.
     *
     * @param rank 1-based rank of the true item in the top-K, or 0 when it is not there
     * @param counts whether this event counts toward hit rate (a relevant interaction)
     */
    public void recordPrediction(int rank, boolean counts) {
        predictions.incrementAndGet();
        if (counts) {
            relevant.incrementAndGet();
            if (rank > 0) {
                hits.incrementAndGet();
                reciprocalRanks.add(1.0 / rank);
            }
        }
    }

    public void recordUpdate(int batchSize, long version) {
        updates.incrementAndGet();
        examplesLearned.addAndGet(batchSize);
        lastBatchSize.set(batchSize);
        modelVersion.accumulateAndGet(version, Math::max);
    }

    public long predictions() { return predictions.get(); }
    public long relevant() { return relevant.get(); }
    public long updates() { return updates.get(); }
    public long examplesLearned() { return examplesLearned.get(); }
    public long lastBatchSize() { return lastBatchSize.get(); }
    public long modelVersion() { return modelVersion.get(); }

    public double hitRate() {
        long n = relevant.get();
        return n == 0 ? 0 : (double) hits.get() / n;
    }

    public double meanReciprocalRank() {
        long n = relevant.get();
        return n == 0 ? 0 : reciprocalRanks.sum() / n;
    }
}
