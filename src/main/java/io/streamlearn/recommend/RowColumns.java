package io.streamlearn.recommend;

import java.util.Arrays;

/**
 * The distinct rows a mini-batch touches, in first-seen order, each with its column in the batch's
 * gradient arrays. Open addressing over a table at most half full, sized for every draw of the
 * batch; a boxed map cost more than the arithmetic it indexes.
 */
final class RowColumns {

    private final int[] slots;
    private final int[] columns;
    private final int[] rows;
    private int size;

    /** @param draws how many rows will be looked up at most (repeats included) */
    RowColumns(int draws) {
        int capacity = Integer.highestOneBit(Math.max(2, draws) * 2 - 1) << 1;
        this.slots = new int[capacity];
        this.columns = new int[capacity];
        this.rows = new int[Math.max(draws, 1)];
    }

    /** The row's column, a new one (the next) when the row is seen for the first time. */
    int columnOf(int row) {
        int mask = slots.length - 1;
        int slot = spread(row) & mask;
        while (true) {
            int held = slots[slot];
            if (held == 0) {
                slots[slot] = row + 1;
                columns[slot] = size;
                rows[size] = row;
                return size++;
            }
            if (held == row + 1) {
                return columns[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /** The distinct rows in column order. */
    int[] rows() {
        return Arrays.copyOf(rows, size);
    }

    private static int spread(int row) {
        int h = row * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
