package io.streamlearn.recommend;

import java.util.function.IntPredicate;

/**
 * Partial selection of the K best scores among eligible rows, in one pass over the scores. The
 * eligibility test ("already seen") runs only for rows that would enter the current top-K: most
 * rows are passed over by a tight comparison with the K-th best score so far. (A first pass over a
 * shortlist of 4·K rows, tested afterwards, paid off while the test was a store lookup; with the
 * seen sets in memory it only made the heap four times larger.)
 */
final class TopK {

    private TopK() {
    }

    /**
     * Rows of the {@code k} highest scores among eligible rows, best first (ties: lower row first).
     * Row {@code r}'s score is {@code products[offset + r] + biases[r]}, for {@code r < rows}.
     */
    static int[] select(float[] products, int offset, float[] biases, int rows, int k, IntPredicate eligible) {
        if (rows == 0) {
            return new int[0];
        }
        WorstFirstHeap heap = new WorstFirstHeap(Math.min(k, rows));
        int row = 0;
        for (; row < rows && !heap.isFull(); row++) {
            if (eligible.test(row)) {
                heap.add(row, score(products, offset, biases, row));
            }
        }
        // Rows come in ascending order, so a later row beats the heap's worst only with a strictly
        // higher score; most rows are passed over by the tight loop in nextAbove.
        if (heap.isFull()) {
            for (row = nextAbove(products, offset, biases, row, rows, heap.worstScore()); row < rows;
                    row = nextAbove(products, offset, biases, row + 1, rows, heap.worstScore())) {
                if (eligible.test(row)) {
                    heap.replaceWorst(row, score(products, offset, biases, row));
                }
            }
        }
        return heap.drainBestFirst();
    }

    private static float score(float[] products, int offset, float[] biases, int row) {
        return products[offset + row] + biases[row];
    }

    /** The first row from {@code from} on scoring above {@code threshold}, or {@code rows}. */
    private static int nextAbove(float[] products, int offset, float[] biases, int from, int rows, float threshold) {
        for (int row = from; row < rows; row++) {
            if (score(products, offset, biases, row) > threshold) {
                return row;
            }
        }
        return rows;
    }

    /**
     * The best rows so far, the worst on top. Each row's score is kept beside it, so a comparison
     * reads two adjacent arrays instead of looking each row's score up in the score table.
     */
    private static final class WorstFirstHeap {

        private final int[] rows;
        private final float[] scores;
        private int size;

        WorstFirstHeap(int capacity) {
            rows = new int[capacity];
            scores = new float[capacity];
        }

        boolean isFull() {
            return size == rows.length;
        }

        float worstScore() {
            return scores[0];
        }

        void add(int row, float score) {
            rows[size] = row;
            scores[size] = score;
            siftUp(size++);
        }

        void replaceWorst(int row, float score) {
            rows[0] = row;
            scores[0] = score;
            siftDown();
        }

        int[] drainBestFirst() {
            int[] best = new int[size];
            while (size > 0) {
                best[size - 1] = rows[0];
                size--;
                rows[0] = rows[size];
                scores[0] = scores[size];
                siftDown();
            }
            return best;
        }

        /** Whether the row at heap position a ranks above the one at b (ties: lower row first). */
        private boolean beats(int a, int b) {
            return scores[a] > scores[b] || (scores[a] == scores[b] && rows[a] < rows[b]);
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!beats(parent, i)) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown() {
            int i = 0;
            while (true) {
                int worst = i;
                int left = 2 * i + 1;
                int right = left + 1;
                if (left < size && beats(worst, left)) {
                    worst = left;
                }
                if (right < size && beats(worst, right)) {
                    worst = right;
                }
                if (worst == i) {
                    return;
                }
                swap(i, worst);
                i = worst;
            }
        }

        private void swap(int a, int b) {
            int row = rows[a];
            rows[a] = rows[b];
            rows[b] = row;
            float score = scores[a];
            scores[a] = scores[b];
            scores[b] = score;
        }
    }
}
