package io.streamlearn.checkpoint;

import java.util.List;
import java.util.Set;

/**
 * Work that changes the model between mini-batches (e.g. folding in other tasks' parameters). It
 * runs inside every checkpoint's transaction, just before the rows are written, so what it changes
 * there is stored by that checkpoint. When it also runs between checkpoints, it records what it did
 * and redoes it, in place, while a restore re-learns the journal ({@link #replayBefore}).
 */
public interface CheckpointAction {

    CheckpointAction NONE = () -> Result.NOTHING;

    Result run();

    /**
     * During a restore: redoes, in order, what this action did between checkpoints before the
     * mini-batch that produced {@code version} was learned.
     *
     * @return keys of the model rows it changed
     */
    default Set<String> replayBefore(long version) {
        return Set.of();
    }

    /**
     * @param changedKeys model rows the action changed (stored with the checkpoint's own changes)
     * @param extraRows rows of the action's own state, stored with the checkpoint
     */
    record Result(Set<String> changedKeys, List<StateRow> extraRows) {
        public static final Result NOTHING = new Result(Set.of(), List.of());
    }
}
