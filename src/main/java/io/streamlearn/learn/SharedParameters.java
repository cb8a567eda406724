package io.streamlearn.learn;

import java.util.List;
import java.util.Set;

/**
 * A model whose parameters every task holds a replica of. Each replica hands out the increments its
 * own learning made ({@link #takeOwnDelta}) and adds the increments of the others
 * ({@link #foldIn}): when every replica has folded in every other's increments, all hold the same
 * parameters, as if one model had learned from every task's events.
 *
 * @param <D> one unit of increment (e.g. one item's rows)
 */
public interface SharedParameters<D> {

    /** The increments of this replica's own learning since the last call; the next call starts from zero. */
    List<D> takeOwnDelta();

    /**
     * Merges other replicas' increments with the ones this replica just handed out (the model
     * decides how; see the implementation). Not recorded as this replica's own, so they are never
     * handed out again.
     *
     * @param own what {@link #takeOwnDelta} returned just before (already applied here)
     * @param others the other replicas' increments, several units per key allowed
     * @return the keys of the rows whose stored form changed
     */
    Set<String> foldIn(List<D> own, List<D> others);
}
