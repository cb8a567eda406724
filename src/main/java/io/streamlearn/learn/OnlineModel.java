package io.streamlearn.learn;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.streamlearn.checkpoint.ModelProvenance;
import io.streamlearn.checkpoint.StateRow;

/**
 * A model that answers queries and keeps learning from mini-batches of examples. Its whole state is
 * a set of small keyed rows, so it can be checkpointed row by row into a key-value store and
 * restored from one. Streaming code talks to models only through this interface.
 *
 * @param <Q> what a prediction is asked for
 * @param <A> the answer
 * @param <E> a training example
 */
public interface OnlineModel<Q, A, E> {

    /** Answers from the current parameters; never changes them. */
    A predict(Q query);

    /**
     * Applies one mini-batch update. Must be deterministic: the same state and batch give the same
     * result, so that a journal of batches can be re-learned after a restore.
     *
     * @return the keys of the rows whose stored form changed, but for those {@link #takeChangedRows} names
     */
    Set<String> learn(List<E> batch);

    /**
     * Keys of the rows changed since the last call that {@link #learn} did not name. A model whose
     * mini-batches change thousands of rows may track them itself, by position, and name them only
     * when a checkpoint takes its rows: naming them as keys after every batch cost ~12 % of the
     * recommender's stream thread. Each key at most once. By default {@code learn} names every change.
     */
    default Collection<String> takeChangedRows() {
        return List.of();
    }

    /** The current stored form of the given rows; a row that no longer exists comes back as a deletion. */
    List<StateRow> rows(Collection<String> keys);

    /** Every row of the current state; {@link #restore} of these rows recreates an equal model. */
    List<StateRow> snapshot();

    /** Replaces the current state with the given rows (a full snapshot, in any order). */
    void restore(Iterable<StateRow> rows);

    /** Number of mini-batch updates applied since the model was created, restores included. */
    long version();

    ModelProvenance provenance();
}
