package io.streamlearn.checkpoint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.streamlearn.learn.ModelHandle;
import io.streamlearn.learn.OnlineModel;

/**
 * A model's rows in two generations, written alternately. A checkpoint takes the rows as they are
 * at one model version, then writes them into the other generation a slice per mini-batch; only
 * when the last slice is written does a marker name that generation complete. Until then a restore
 * reads the previous one, and the journal (kept until then) re-learns everything after it. With
 * sampled negatives nearly every row changes between checkpoints, so writing them all at once put
 * megabytes into one commit, and answers waited behind them in the producer.
 *
 * <p>Each generation is rewritten with the rows changed since it was last taken. After a restore
 * the other generation may hold anything (a half-written checkpoint, rows since evicted), so its
 * next checkpoint takes every row and deletes the rows it should no longer have.
 */
final class RowGenerations {

    private static final int NONE = -1;

    private final CheckpointStore store;
    private final int slices;
    /**
     * Per row key, the period of its last change; a period ends when a generation is taken. One
     * map rather than a set per generation: a period changes thousands of rows.
     */
    private final Map<String, int[]> changedInPeriod = new HashMap<>();
    /** Per generation, the last period its rows were taken in. */
    private final int[] takenInPeriod = new int[2];
    private final boolean[] contentsUnknown = new boolean[2];
    private final ArrayDeque<StateRow> unwritten = new ArrayDeque<>();
    private int period = 1;
    private List<String> obsoleteOnCompletion = List.of();
    private int complete;
    private int writing = NONE;
    private int rowsPerSlice;

    /** @param slices mini-batches a checkpoint's rows are spread over (1: all at once) */
    RowGenerations(CheckpointStore store, int slices) {
        this.store = store;
        this.slices = Math.max(1, slices);
    }

    /** The rows of the complete generation, for a restore. */
    List<StateRow> restorable() {
        complete = store.completeGeneration();
        contentsUnknown[1 - complete] = true;
        return store.readGeneration(complete);
    }

    /** Stores the first generation of a model that has no checkpoint yet, at once. */
    void writeFirst(List<StateRow> snapshot) {
        store.writeGeneration(complete, snapshot);
    }

    /**
     * Rows that changed in the model: both generations must be rewritten with them. (Rows the model
     * tracks itself are collected when a generation is taken.)
     */
    void changed(Collection<String> keys) {
        for (String key : keys) {
            changedInPeriod.computeIfAbsent(key, k -> new int[1])[0] = period;
        }
    }

    boolean isWriting() {
        return writing != NONE;
    }

    /**
     * Takes the model's rows for the other generation and writes the first slice.
     *
     * @param ownRows rows of a checkpoint action's state, stored in the generation
     * @param obsoleteKeys rows outside the generations to delete once it is complete
     * @return whether the generation is already complete
     */
    boolean start(ModelHandle<?, ?, ?, ?> model, List<StateRow> ownRows, List<String> obsoleteKeys) {
        if (isWriting()) {
            throw new IllegalStateException("a checkpoint is still being written");
        }
        writing = 1 - complete;
        changed(model.write(OnlineModel::takeChangedRows));
        Set<String> changed = changedSince(takenInPeriod[writing]);
        List<StateRow> rows = contentsUnknown[writing] ? everyRow(model, ownRows) : model.read(m -> m.rows(changed));
        contentsUnknown[writing] = false;
        takenInPeriod[writing] = period++;
        unwritten.addAll(rows);
        unwritten.addAll(ownRows);
        obsoleteOnCompletion = List.copyOf(obsoleteKeys);
        rowsPerSlice = Math.max(1, (unwritten.size() + slices - 1) / slices);
        return writeSlice();
    }

    /**
     * Writes the next slice of the generation being written, if any.
     *
     * @return whether this slice completed it
     */
    boolean writeSlice() {
        if (!isWriting()) {
            return false;
        }
        List<StateRow> slice = new ArrayList<>(Math.min(rowsPerSlice, unwritten.size()));
        while (slice.size() < rowsPerSlice && !unwritten.isEmpty()) {
            slice.add(unwritten.poll());
        }
        if (!unwritten.isEmpty()) {
            store.writeGeneration(writing, slice);
            return false;
        }
        store.completeGeneration(writing, slice, obsoleteOnCompletion);
        complete = writing;
        writing = NONE;
        return true;
    }

    /** Writes what is left of the generation being written. */
    void finish() {
        while (isWriting()) {
            writeSlice();
        }
    }

    /** Keys changed after the given period; forgets the keys both generations have taken since their change. */
    private Set<String> changedSince(int taken) {
        int takenByBoth = Math.min(takenInPeriod[0], takenInPeriod[1]);
        Set<String> changed = new HashSet<>();
        Iterator<Map.Entry<String, int[]>> entries = changedInPeriod.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, int[]> entry = entries.next();
            int changedIn = entry.getValue()[0];
            if (changedIn > taken) {
                changed.add(entry.getKey());
            } else if (changedIn <= takenByBoth) {
                entries.remove();
            }
        }
        return changed;
    }

    /** Every row, and deletions for the rows the generation holds that the model no longer has. */
    private List<StateRow> everyRow(ModelHandle<?, ?, ?, ?> model, List<StateRow> ownRows) {
        List<StateRow> rows = new ArrayList<>(model.read(OnlineModel::snapshot));
        Set<String> current = new HashSet<>();
        rows.forEach(row -> current.add(row.key()));
        ownRows.forEach(row -> current.add(row.key()));
        for (String stored : store.keysOf(writing)) {
            if (!current.contains(stored)) {
                rows.add(new StateRow(stored, null));
            }
        }
        return rows;
    }
}
