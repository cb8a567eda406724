package io.streamlearn.sync;

import java.time.Duration;

/**
 * How task replicas of a model share parameters.
 *
 * @param enabled off: every task learns only from its own partition's events
 * @param interval how often a task publishes its own increments and folds in the others'
 * @param checkpointEvery exchanges per checkpoint of the model's rows; the ones in between are
 *        recorded and redone from the archive on restore
 * @param retainedSequences how many of each task's latest publications the archive keeps for
 *        tasks that are behind (restoring, or moving to another instance); more than
 *        {@code checkpointEvery}, so a restore finds every publication it has to redo
 */
public record SyncSettings(boolean enabled, Duration interval, int checkpointEvery, int retainedSequences) {

    public SyncSettings {
        if (enabled && (interval.isZero() || interval.isNegative())) {
            throw new IllegalArgumentException("sync interval must be positive, was " + interval);
        }
        if (checkpointEvery < 1 || retainedSequences <= checkpointEvery) {
            throw new IllegalArgumentException("sync needs 1 <= checkpoint-every < retained-sequences, was "
                    + checkpointEvery + " and " + retainedSequences);
        }
    }

    public static SyncSettings disabled() {
        return new SyncSettings(false, Duration.ofSeconds(1), 1, 2);
    }
}
