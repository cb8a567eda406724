package io.streamlearn.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/** Partial selection of the K best scores, skipping rows a predicate rejects. */
final class TopK {

    private TopK() {
    }

    static int[] select(float[] scores, int k, IntPredicate eligible) {
        PriorityQueue<Integer> worstFirst = new PriorityQueue<>(k + 1,
                Comparator.<Integer>comparingDouble(row -> scores[row]).thenComparing(Comparator.reverseOrder()));
        for (int row = 0; row < scores.length; row++) {
            if (!eligible.test(row)) {
                continue;
            }
            if (worstFirst.size() < k) {
                worstFirst.add(row);
            } else if (scores[row] > scores[worstFirst.peek()]) {
                worstFirst.poll();
                worstFirst.add(row);
            }
        }
        List<Integer> best = new ArrayList<>(worstFirst);
        best.sort(Comparator.<Integer>comparingDouble(row -> -scores[row]).thenComparing(Comparator.naturalOrder()));
        return best.stream().mapToInt(Integer::intValue).toArray();
    }
}
