package io.streamlearn.load.measure;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Collects end-to-end latencies and turns them into a per-second time series and per-phase
 * histograms. The prediction consumer records; a timer calls {@link #tick} every second; the
 * orchestrator brackets phases with {@link #beginPhase} and {@link #endPhase}.
 */
public final class LatencyMeter {

    private final Recorder recorder = new Recorder(3_600_000_000L, 3);
    private final Recorder afterAnswerRecorder = new Recorder(3_600_000_000L, 3);
    private final InFlightLedger ledger;
    private final RunClock clock;
    private final List<IntervalSample> samples = new ArrayList<>();
    private Histogram recycled;
    private Histogram recycledAfterAnswer;
    private Histogram phaseHistogram = LatencySummary.newHistogram();
    private String phase = "idle";
    private double targetRate;
    private long lastTickNanos;
    private long lastSent;
    private long lastAnswered;

    public LatencyMeter(InFlightLedger ledger, RunClock clock) {
        this.ledger = ledger;
        this.clock = clock;
        this.lastTickNanos = clock.nowNanos();
    }

    /**
     * Called by the consumer for each matched prediction.
     *
     * @param afterAnswerMillis the part of the latency after the service produced the prediction
     *        (by the clock the two share, so at millisecond resolution); negative when unknown
     */
    public void record(long latencyNanos, long afterAnswerMillis) {
        recorder.recordValue(Math.max(1, latencyNanos / 1000));
        if (afterAnswerMillis >= 0) {
            afterAnswerRecorder.recordValue(Math.max(1, afterAnswerMillis * 1000));
        }
    }

    /** Closes the current interval: one sample for the chart, its latencies added to the phase. */
    public synchronized void tick() {
        long now = clock.nowNanos();
        double seconds = (now - lastTickNanos) / 1e9;
        if (seconds <= 0) {
            return;
        }
        recycled = recorder.getIntervalHistogram(recycled);
        recycledAfterAnswer = afterAnswerRecorder.getIntervalHistogram(recycledAfterAnswer);
        phaseHistogram.add(recycled);
        long sent = ledger.sent();
        long answered = ledger.answered();
        LatencySummary interval = LatencySummary.of(recycled);
        samples.add(new IntervalSample(clock.secondsAt(now), phase, targetRate, (sent - lastSent) / seconds,
                (answered - lastAnswered) / seconds, ledger.outstanding(), interval.p50Ms(), interval.p99Ms(),
                interval.p999Ms(), interval.maxMs(), LatencySummary.of(recycledAfterAnswer)));
        lastTickNanos = now;
        lastSent = sent;
        lastAnswered = answered;
    }

    public synchronized void beginPhase(String label, double rate) {
        tick();
        phase = label;
        targetRate = rate;
        phaseHistogram = LatencySummary.newHistogram();
    }

    /** Ends the phase and returns every latency recorded during it. */
    public synchronized Histogram endPhase() {
        tick();
        Histogram finished = phaseHistogram;
        phase = "idle";
        targetRate = 0;
        phaseHistogram = LatencySummary.newHistogram();
        return finished;
    }

    public synchronized List<IntervalSample> samples() {
        return List.copyOf(samples);
    }

    /** Samples taken since the given run time, for judging a step. */
    public synchronized List<IntervalSample> samplesSince(double atSeconds) {
        return samples.stream().filter(sample -> sample.atSeconds() > atSeconds).toList();
    }
}
