package io.streamlearn.recommend;

import java.util.function.IntPredicate;

/**
 * Partial selection of the K best scores among eligible rows, in one pass over the scores, and the
 * merge of such selections over consecutive ranges of rows. The
 * eligibility test ("already seen") runs only for rows that would enter the current top-K: most
 * rows are passed over by a tight comparison with the K-th best score so far. (A first pass over a
 * shortlist of 4·K rows, tested afterwards, paid off while the test was a store lookup; with the
 * seen sets in memory it only made the heap four times larger.)
 */
final class TopK {

    private TopK() {
    }

    /** Rows best first, each with its score. */
    record Candidates(int[] rows, float[] logits) {
    }

    /**
     * The {@code k} highest scores among the eligible rows offered so far (ties: lower row first).
     * {@link #offer} takes rows in ascending order, in one or more calls; {@link #offerRows} in any order.
     */
    static final class Selection {
        private final WorstFirstHeap heap;

        Selection(int k) {
            heap = new WorstFirstHeap(k);
        }

        /**
         * Offers rows {@code first .. first + rows)}: row {@code first + r}'s score is
         * {@code products[offset + r] + biases[r]}; {@code eligible} is asked about rows by that
         * number, and only about those that would enter the selection.
         */
        void offer(float[] products, int offset, float[] biases, int rows, int first, IntPredicate eligible) {
            int row = 0;
            for (; row < rows && !heap.isFull(); row++) {
                if (eligible.test(first + row)) {
                    heap.add(first + row, score(products, offset, biases, row));
                }
            }
            // Rows come in ascending order, so a later row beats the heap's worst only with a strictly
            // higher score; most rows are passed over by the tight loop in nextAbove.
            if (heap.isFull()) {
                for (row = nextAbove(products, offset, biases, row, rows, heap.worstScore()); row < rows;
                        row = nextAbove(products, offset, biases, row + 1, rows, heap.worstScore())) {
                    if (eligible.test(first + row)) {
                        heap.replaceWorst(first + row, score(products, offset, biases, row));
                    }
                }
            }
        }

        /**
         * Offers rows in any order: {@code rows[i]}'s score is
         * {@code products[offset + i * stride] + biases[i]}. The selection is the same whatever the
         * order, since a row enters on a tie only by being the lower row.
         */
        void offerRows(float[] products, int offset, int stride, float[] biases, int[] rows, int count,
                IntPredicate eligible) {
            for (int i = 0; i < count; i++) {
                float score = products[offset + i * stride] + biases[i];
                if (heap.isFull() && !heap.wouldReplaceWorst(rows[i], score)) {
                    continue;
                }
                if (eligible.test(rows[i])) {
                    if (heap.isFull()) {
                        heap.replaceWorst(rows[i], score);
                    } else {
                        heap.add(rows[i], score);
                    }
                }
            }
        }

        /** The selected rows, best first, with their scores; leaves the selection empty. */
        Candidates drainBestFirst() {
            return heap.drainBestFirst();
        }
    }

    /**
     * The {@code k} best of several selections over consecutive row ranges (each best first, the
     * ranges in ascending row order), best first: the same rows, in the same order, as one
     * selection over all the ranges (ties: lower row first).
     */
    static Candidates mergeBestFirst(Candidates[] ranges, int k) {
        int total = 0;
        for (Candidates range : ranges) {
            total += range.rows().length;
        }
        int[] rows = new int[Math.min(k, total)];
        float[] logits = new float[rows.length];
        int[] next = new int[ranges.length];
        for (int i = 0; i < rows.length; i++) {
            int from = -1;
            for (int r = 0; r < ranges.length; r++) {
                // A strictly higher score wins: on a tie the earlier range, which holds the lower row.
                if (next[r] < ranges[r].rows().length
                        && (from < 0 || ranges[r].logits()[next[r]] > ranges[from].logits()[next[from]])) {
                    from = r;
                }
            }
            rows[i] = ranges[from].rows()[next[from]];
            logits[i] = ranges[from].logits()[next[from]++];
        }
        return new Candidates(rows, logits);
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

        /** Whether the row ranks above the worst selected (ties: lower row first). */
        boolean wouldReplaceWorst(int row, float score) {
            return score > scores[0] || (score == scores[0] && row < rows[0]);
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

        Candidates drainBestFirst() {
            int[] best = new int[size];
            float[] bestScores = new float[size];
            while (size > 0) {
                best[size - 1] = rows[0];
                bestScores[size - 1] = scores[0];
                size--;
                rows[0] = rows[size];
                scores[0] = scores[size];
                siftDown();
            }
            return new Candidates(best, bestScores);
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
