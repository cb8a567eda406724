package io.streamlearn.sync;

import java.time.Duration;

/**
 * How task replicas of a model share parameters.
 *
 * @param enabled off: every task learns only from its own partition's events
 * @param interval how often a task publishes its own increments and folds in the others'
 * @param checkpointEvery exchanges per checkpoint of the model's rows; the ones in between are
 *        recorded and redone from the archive on restore
 * @param retention how long the archive keeps every task's publications, for tasks that are behind
 *        (restoring, or moving to another instance): a task restored later than this after its last
 *        checkpoint finds publications it has to redo gone. Longer than {@code checkpointEvery}
 *        intervals.
 */
public record SyncSettings(boolean enabled, Duration interval, int checkpointEvery, Duration retention) {

    public SyncSettings {
        if (enabled && (interval.isZero() || interval.isNegative())) {
            throw new IllegalArgumentException("sync interval must be positive, was " + interval);
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("sync checkpoint-every must be at least 1, was " + checkpointEvery);
        }
        if (enabled && retention.compareTo(interval.multipliedBy(checkpointEvery)) <= 0) {
            throw new IllegalArgumentException("sync retention (" + retention + ") must exceed checkpoint-every ("
                    + checkpointEvery + ") intervals of " + interval);
        }
    }

    public static SyncSettings disabled() {
        return new SyncSettings(false, Duration.ofSeconds(1), 1, Duration.ofSeconds(2));
    }

    /** The retention as publications per source: one per interval. */
    public int retainedSequences() {
        long perInterval = -Math.floorDiv(-retention.toMillis(), Math.max(1, interval.toMillis()));
        return (int) Math.min(Integer.MAX_VALUE, Math.max(checkpointEvery + 1L, perInterval));
    }
}
