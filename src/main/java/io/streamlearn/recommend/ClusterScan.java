package io.streamlearn.recommend;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.util.BitSet;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import org.bytedeco.javacpp.FloatPointer;

/**
 * Scores an answer group's queries against the items of the clusters each probes
 * ({@link ItemClusters#probe}) and the fresh items, and keeps each query's best: per cluster, one
 * matrix product of the user vectors of the queries that probe it by the cluster's embeddings,
 * where they lie ({@link ItemClusters.Segment}). (Scoring a cluster in Java, one loop per
 * coordinate, took 47 µs an answer against 28: clusters of ~150 items make short loops.)
 */
final class ClusterScan {

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /**
     * @param users the queries' user vectors, {@code d} values each
     * @param live whether a row holds an item (segments may still name rows since freed)
     */
    TopK.Candidates[] best(ItemClusters clusters, int[][] probed, float[] users, int d, ItemClusters.Vectors vectors,
            IntPredicate live, IntPredicate[] eligible, int topK) {
        int queries = probed.length;
        IntPredicate[] offerable = new IntPredicate[queries];
        for (int q = 0; q < queries; q++) {
            IntPredicate test = eligible[q];
            offerable[q] = row -> row != ItemClusters.LEFT && test.test(row);
        }
        Scratch buffers = scratch.get();
        Scores scores = scoreClusters(clusters, probed, users, d, buffers);
        TopK.Selection[] selections = new TopK.Selection[queries];
        for (int q = 0; q < queries; q++) {
            selections[q] = new TopK.Selection(topK);
            // Best cluster first: its scores raise the bar at once, so fewer items are tested for eligibility.
            for (int c : probed[q]) {
                ItemClusters.Segment segment = clusters.segment(c);
                selections[q].offerRows(scores.values(), scores.offsets()[c] + scores.positions()[q][c],
                        scores.probers()[c].length, segment.biases(), segment.rows(), segment.rows().length, offerable[q]);
            }
        }
        ItemClusters.Segment fresh = gather(clusters.fresh(), d, vectors, live, buffers.freshEmbeddings);
        if (fresh.rows().length > 0) {
            int[] everyQuery = IntStream.range(0, queries).toArray();
            float[] freshScores = new float[fresh.rows().length * queries];
            product(fresh, everyQuery, users, d, buffers, freshScores, 0);
            for (int q = 0; q < queries; q++) {
                selections[q].offerRows(freshScores, q, queries, fresh.biases(), fresh.rows(), fresh.rows().length,
                        offerable[q]);
            }
        }
        TopK.Candidates[] best = new TopK.Candidates[queries];
        for (int q = 0; q < queries; q++) {
            best[q] = selections[q].drainBestFirst();
        }
        return best;
    }

    /**
     * A group's scores, cluster by cluster: cluster {@code c}'s block starts at {@code offsets[c]},
     * one row per item, one column per query probing it ({@code probers[c]}); query {@code q}'s
     * column in it is {@code positions[q][c]}.
     */
    private record Scores(float[] values, int[] offsets, int[][] probers, int[][] positions) {
    }

    private static Scores scoreClusters(ItemClusters clusters, int[][] probed, float[] users, int d, Scratch buffers) {
        int[][] probers = probersByCluster(probed, clusters.count());
        int[][] positions = new int[probed.length][clusters.count()];
        int[] offsets = new int[clusters.count()];
        int total = 0;
        for (int c = 0; c < clusters.count(); c++) {
            offsets[c] = total;
            total += clusters.segment(c).rows().length * probers[c].length;
            for (int j = 0; j < probers[c].length; j++) {
                positions[probers[c][j]][c] = j;
            }
        }
        float[] values = buffers.scores.atLeast(total);
        for (int c = 0; c < clusters.count(); c++) {
            if (probers[c].length > 0 && clusters.segment(c).rows().length > 0) {
                product(clusters.segment(c), probers[c], users, d, buffers, values, offsets[c]);
            }
        }
        return new Scores(values, offsets, probers, positions);
    }

    /**
     * The logit of one row (its vector: embedding, then bias) for user {@code q}: the product, then
     * the bias, as the scan adds them (the product's own rounding may differ in the last bit).
     */
    static float logit(float[] users, int q, int d, float[] vector) {
        float product = 0f;
        for (int t = 0; t < d; t++) {
            product += users[q * d + t] * vector[t];
        }
        return product + vector[d];
    }

    /** Per cluster, the queries that probe it, in ascending order. */
    private static int[][] probersByCluster(int[][] probed, int clusters) {
        int[] sizes = new int[clusters];
        for (int[] chosen : probed) {
            for (int c : chosen) {
                sizes[c]++;
            }
        }
        int[][] probers = new int[clusters][];
        for (int c = 0; c < clusters; c++) {
            probers[c] = new int[sizes[c]];
            sizes[c] = 0;
        }
        for (int q = 0; q < probed.length; q++) {
            for (int c : probed[q]) {
                probers[c][sizes[c]++] = q;
            }
        }
        return probers;
    }

    /**
     * The products of the segment's embeddings by the queries' user vectors into
     * {@code out[offset ..]}, one row per item and one column per query. Items are the product's
     * rows: OpenBLAS's kernels work 16 rows at a time, and a cluster is probed by a few queries but
     * holds a hundred items or more.
     */
    private static void product(ItemClusters.Segment segment, int[] queries, float[] users, int d, Scratch buffers,
            float[] out, int offset) {
        int items = segment.rows().length;
        float[] subset = buffers.users.atLeast(queries.length * d);
        for (int j = 0; j < queries.length; j++) {
            System.arraycopy(users, queries[j] * d, subset, j * d, d);
        }
        FloatPointer products = buffers.nativeProducts.atLeast((long) items * queries.length);
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, items, queries.length, d, 1f, segment.embeddings(), d,
                buffers.nativeUsers.holding(subset, queries.length * d), d, 0f, products, queries.length);
        buffers.nativeProducts.copyTo(out, offset, items * queries.length);
    }

    /**
     * The live rows' vectors, as a segment over the thread's reused native buffer (valid until its
     * next call): a native allocation per answer group costs more than the copies.
     */
    private static ItemClusters.Segment gather(BitSet rows, int d, ItemClusters.Vectors vectors, IntPredicate live,
            NativeScratch embeddings) {
        int[] liveRows = rows.stream().filter(live).toArray();
        ItemClusters.Segment segment = ItemClusters.Segment.over(liveRows,
                embeddings.atLeast(Math.max(1L, (long) liveRows.length * d)));
        float[] vector = new float[d + 1];
        for (int i = 0; i < segment.rows().length; i++) {
            vectors.read(segment.rows()[i], vector);
            segment.write(i, vector);
        }
        return segment;
    }

    /** Per-thread buffers: the stream thread and HTTP threads may answer at once. */
    private static final class Scratch {
        private final ScratchArray users = new ScratchArray();
        private final ScratchArray scores = new ScratchArray();
        private final NativeScratch nativeUsers = new NativeScratch();
        private final NativeScratch nativeProducts = new NativeScratch();
        private final NativeScratch freshEmbeddings = new NativeScratch();
    }
}
