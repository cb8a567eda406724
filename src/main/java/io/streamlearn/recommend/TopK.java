package io.streamlearn.recommend;

import java.util.function.IntPredicate;

/**
 * Partial selection of the K best scores among eligible rows. The eligibility test ("already seen")
 * costs a state-store lookup, so it runs on as few rows as possible: first on a shortlist of the
 * {@value #SHORTLIST_FACTOR}·K best rows in rank order, which usually holds K eligible ones; only when
 * it does not (a user who has seen most of their best-scored items) does a full scan test every row
 * that would enter the current top-K.
 */
final class TopK {

    /** Shortlist length as a multiple of K: room for the already-seen items among the best. */
    static final int SHORTLIST_FACTOR = 4;

    private TopK() {
    }

    /**
     * Rows of the {@code k} highest scores among eligible rows, best first (ties: lower row first).
     * Row {@code r}'s score is {@code scores[offset + r]}, for {@code r < rows}.
     */
    static int[] select(float[] scores, int offset, int rows, int k, IntPredicate eligible) {
        int[] shortlist = heapSelect(scores, offset, rows, Math.min(rows, SHORTLIST_FACTOR * k), row -> true);
        int[] best = new int[Math.min(k, rows)];
        int found = 0;
        for (int i = 0; i < shortlist.length && found < best.length; i++) {
            if (eligible.test(shortlist[i])) {
                best[found++] = shortlist[i];
            }
        }
        if (found == best.length || shortlist.length == rows) {
            return found == best.length ? best : java.util.Arrays.copyOf(best, found);
        }
        return heapSelect(scores, offset, rows, k, eligible);
    }

    /** The lazy full scan: eligibility is tested only for rows that would enter the current top-K. */
    private static int[] heapSelect(float[] scores, int offset, int rows, int k, IntPredicate eligible) {
        int[] heap = new int[k];
        int size = 0;
        int row = 0;
        for (; row < rows && size < k; row++) {
            if (eligible.test(row)) {
                heap[size] = row;
                siftUp(scores, offset, heap, size++);
            }
        }
        // Rows come in ascending order, so a later row beats the heap's worst only with a strictly
        // higher score; most rows are passed over by the tight loop in nextAbove.
        if (size == k) {
            for (row = nextAbove(scores, offset, row, rows, scores[offset + heap[0]]); row < rows;
                    row = nextAbove(scores, offset, row + 1, rows, scores[offset + heap[0]])) {
                if (eligible.test(row)) {
                    heap[0] = row;
                    siftDown(scores, offset, heap, size);
                }
            }
        }
        int[] best = new int[size];
        for (int i = size - 1; i >= 0; i--) {
            best[i] = heap[0];
            heap[0] = heap[i];
            siftDown(scores, offset, heap, i);
        }
        return best;
    }

    /** The first row from {@code from} on scoring above {@code threshold}, or {@code rows}. */
    private static int nextAbove(float[] scores, int offset, int from, int rows, float threshold) {
        for (int row = from; row < rows; row++) {
            if (scores[offset + row] > threshold) {
                return row;
            }
        }
        return rows;
    }

    /** Whether row a ranks above row b. */
    private static boolean beats(float[] scores, int offset, int a, int b) {
        float sa = scores[offset + a];
        float sb = scores[offset + b];
        return sa > sb || (sa == sb && a < b);
    }

    private static void siftUp(float[] scores, int offset, int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!beats(scores, offset, heap[parent], heap[i])) {
                break;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private static void siftDown(float[] scores, int offset, int[] heap, int size) {
        int i = 0;
        while (true) {
            int worst = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && beats(scores, offset, heap[worst], heap[left])) {
                worst = left;
            }
            if (right < size && beats(scores, offset, heap[worst], heap[right])) {
                worst = right;
            }
            if (worst == i) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
