package io.streamlearn.checkpoint;

import java.util.List;
import java.util.Set;

/**
 * Work that changes the model between mini-batches (e.g. folding in other tasks' parameters). It
 * runs at the start of every checkpoint, just before the rows are taken, so what it changes there
 * is stored by that checkpoint. When it also runs between checkpoints, it records what it did
 * and redoes it, in place, while a restore re-learns the journal ({@link #replayBefore}).
 */
public interface CheckpointAction {

    CheckpointAction NONE = afterVersion -> Result.NOTHING;

    /** @param afterVersion the model version (the last mini-batch learned) */
    Result run(long afterVersion);

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
     * @param ownRows rows of the action's own state, stored with the checkpoint's rows
     * @param obsoleteKeys rows outside the checkpoint (e.g. records of what the action did since the
     *        previous one) that the checkpoint makes unnecessary: deleted once it is complete
     */
    record Result(Set<String> changedKeys, List<StateRow> ownRows, List<String> obsoleteKeys) {
        public static final Result NOTHING = new Result(Set.of(), List.of(), List.of());
    }
}
