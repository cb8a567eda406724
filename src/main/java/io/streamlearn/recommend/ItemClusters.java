package io.streamlearn.recommend;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import org.bytedeco.javacpp.FloatPointer;

/**
 * The items grouped by their scoring vectors (output embedding and bias), so that an answer scores
 * the items of the few clusters whose centroids score highest for its user ({@link #probe}) instead
 * of every item. On the load test's stream (18,785 items, 128 clusters) an answer scored ~720
 * items, its 12 clusters' and the fresh ones, and its top-10 held 98.9 % of the exact top-10
 * (README, "The recommendation model").
 *
 * <p>Centroids come from k-means over the live items; a {@link #refresh} is one more k-means round
 * on the vectors as they are then. Between refreshes an item keeps its cluster; an item admitted
 * since the last refresh is <em>fresh</em> and scored for every answer. Each cluster keeps a copy
 * of its items' vectors in native memory ({@link Segment}) for the matrix products, which the
 * model rewrites for the rows it changes ({@link #rewrite}): gathering every probed item's row for
 * every answer group cost as much as scoring every item. The clusters are a function of the rows
 * and of when {@link #refresh} ran, computed in Java arithmetic (the same on every CPU), and
 * the checkpoint stores them ({@link #encodeCentroids}, {@link #encodeLayout}), so a model restored
 * from a checkpoint and its journal answers exactly as the one that crashed.
 */
final class ItemClusters {

    private static final long SEEDING_SEED = 0x5EED;
    /** An item in no cluster: fresh, or a row no item holds. */
    private static final int UNASSIGNED = -1;
    /** Rows an assignment scores against the centroids together (4.5× as fast as one at a time). */
    private static final int ASSIGNED_TOGETHER = 4;

    /** Reads a row's scoring vector (output embedding, then bias) into {@code out}. */
    interface Vectors {
        void read(int row, float[] out);
    }

    private final int count;
    /** The embedding width plus one for the bias. */
    private final int width;
    /**
     * Centroids coordinate-major ({@code [t][c]}): scoring a vector against all of them is one loop
     * over the clusters per coordinate, which the JIT vectorizes over one coordinate's row; over a
     * flat array at an offset it did not (a refresh's assignment took 3-4× as long).
     */
    private final float[][] centroids;
    private final float[] squaredNorms;
    private int[] clusterOf;
    /** Per row, its position in its cluster's segment. */
    private int[] slotOf;
    private final Segment[] segments;
    private final BitSet fresh = new BitSet();

    /**
     * A cluster's rows (ascending as of the last refresh; a row that left since, to be fresh again,
     * is {@link #LEFT}), their embeddings one after another in native memory, and their biases.
     */
    record Segment(int[] rows, FloatPointer embeddings, FloatBuffer writable, float[] biases) {
        /** A segment with native memory of its own (closed when the segment is replaced). */
        static Segment of(int[] rows, int d) {
            return over(rows, new FloatPointer(Math.max(1L, (long) rows.length * d)));
        }

        /** A segment over native memory the caller owns, at least {@code rows.length × d} floats. */
        static Segment over(int[] rows, FloatPointer embeddings) {
            return new Segment(rows, embeddings, embeddings.asBuffer(), new float[rows.length]);
        }

        /** Through a buffer view of the native memory: a native put per row cost ~8 µs an interaction. */
        void write(int slot, float[] vector) {
            int d = vector.length - 1;
            writable.put(slot * d, vector, 0, d);
            biases[slot] = vector[d];
        }
    }

    /** A segment slot whose row left the cluster. */
    static final int LEFT = -1;

    private ItemClusters(int count, int width, float[][] centroids, int[] clusterOf) {
        this.count = count;
        this.width = width;
        this.centroids = centroids;
        this.squaredNorms = new float[count];
        this.clusterOf = clusterOf;
        this.slotOf = new int[clusterOf.length];
        this.segments = new Segment[count];
        computeNorms();
    }

    /**
     * k-means over the live rows below {@code rowsInUse}: seeded by k-means++ (a seeded random
     * generator, so the same rows give the same clusters), then {@code rounds} rounds of assignment
     * and means.
     */
    static ItemClusters build(int count, int width, Vectors vectors, int rowsInUse, IntPredicate live, int rounds) {
        int[] liveRows = IntStream.range(0, rowsInUse).filter(live).toArray();
        if (liveRows.length < count) {
            throw new IllegalArgumentException(count + " clusters need at least as many items, there are " + liveRows.length);
        }
        float[][] rows = new float[liveRows.length][width];
        for (int i = 0; i < liveRows.length; i++) {
            vectors.read(liveRows[i], rows[i]);
        }
        float[][] centroids = new float[width][count];
        int[] seeds = seeds(rows, count);
        for (int c = 0; c < count; c++) {
            for (int t = 0; t < width; t++) {
                centroids[t][c] = rows[seeds[c]][t];
            }
        }
        ItemClusters clusters = new ItemClusters(count, width, centroids, new int[rowsInUse]);
        clusters.assignAll(vectors, rowsInUse, live);
        for (int round = 0; round < rounds; round++) {
            clusters.refresh(vectors, rowsInUse, live);
        }
        return clusters;
    }

    /** k-means++: each next seed drawn with probability proportional to its squared distance from the nearest seed. */
    private static int[] seeds(float[][] rows, int count) {
        SplittableRandom random = new SplittableRandom(SEEDING_SEED);
        int[] seeds = new int[count];
        double[] nearest = new double[rows.length];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        seeds[0] = random.nextInt(rows.length);
        for (int c = 1; c < count; c++) {
            double total = 0;
            for (int i = 0; i < rows.length; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(rows[i], rows[seeds[c - 1]]));
                total += nearest[i];
            }
            double target = random.nextDouble() * total;
            int chosen = 0;
            for (double sum = nearest[0]; sum < target && chosen < rows.length - 1; sum += nearest[++chosen]) {
                // walks to the row where the running sum passes the target
            }
            seeds[c] = chosen;
        }
        return seeds;
    }

    private static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int t = 0; t < a.length; t++) {
            double difference = a[t] - b[t];
            sum += difference * difference;
        }
        return sum;
    }

    int count() {
        return count;
    }

    /**
     * One k-means round: each centroid moves to the mean of its members' current vectors (one left
     * without members stays), then every live row joins its nearest centroid; no row stays fresh.
     */
    void refresh(Vectors vectors, int rowsInUse, IntPredicate live) {
        double[] sums = new double[width * count];
        int[] sizes = new int[count];
        float[] vector = new float[width];
        for (int row = 0; row < Math.min(rowsInUse, clusterOf.length); row++) {
            int c = clusterOf[row];
            if (c != UNASSIGNED && live.test(row)) {
                vectors.read(row, vector);
                for (int t = 0; t < width; t++) {
                    sums[t * count + c] += vector[t];
                }
                sizes[c]++;
            }
        }
        for (int c = 0; c < count; c++) {
            for (int t = 0; t < width && sizes[c] > 0; t++) {
                centroids[t][c] = (float) (sums[t * count + c] / sizes[c]);
            }
        }
        computeNorms();
        assignAll(vectors, rowsInUse, live);
    }

    /** A row now holds a newly admitted item: it is fresh until the next refresh. */
    void admitted(int row) {
        if (row >= clusterOf.length) {
            int grown = Math.max(row + 1, 2 * clusterOf.length);
            int old = clusterOf.length;
            clusterOf = Arrays.copyOf(clusterOf, grown);
            slotOf = Arrays.copyOf(slotOf, grown);
            Arrays.fill(clusterOf, old, grown, UNASSIGNED);
        } else if (clusterOf[row] != UNASSIGNED) {
            segments[clusterOf[row]].rows()[slotOf[row]] = LEFT;
        }
        clusterOf[row] = UNASSIGNED;
        fresh.set(row);
    }

    /** Copies the rows' current vectors into their clusters' segments (fresh rows have none). */
    void rewrite(int[] rows, Vectors vectors) {
        float[] vector = new float[width];
        for (int row : rows) {
            if (row < clusterOf.length && clusterOf[row] != UNASSIGNED) {
                vectors.read(row, vector);
                segments[clusterOf[row]].write(slotOf[row], vector);
            }
        }
    }

    /** A cluster's segment (its slots may include rows no live item holds any more). */
    Segment segment(int cluster) {
        return segments[cluster];
    }

    /** Rows admitted since the last refresh (may include rows no live item holds any more). */
    BitSet fresh() {
        return fresh;
    }

    /**
     * Each user's {@code probes} best clusters by the centroid's score ([user, 1] · centroid),
     * ties to the lower cluster. {@code users} holds {@code users.length / (width - 1)} user
     * vectors, one after another.
     */
    int[][] probe(float[] users, int probes) {
        int d = width - 1;
        int queries = users.length / d;
        int[][] probed = new int[queries][];
        float[] scores = new float[count];
        float[] noBiases = new float[count];
        for (int q = 0; q < queries; q++) {
            System.arraycopy(centroids[d], 0, scores, 0, count);
            for (int t = 0; t < d; t++) {
                float h = users[q * d + t];
                float[] coordinate = centroids[t];
                for (int c = 0; c < count; c++) {
                    scores[c] += h * coordinate[c];
                }
            }
            TopK.Selection best = new TopK.Selection(Math.min(probes, count));
            best.offer(scores, 0, noBiases, count, 0, cluster -> true);
            probed[q] = best.drainBestFirst().rows();
        }
        return probed;
    }

    /**
     * Values per stored part of the layout: a part is at most 256 KB, well within a changelog
     * record, however large the catalogue.
     */
    static final int VALUES_PER_PART = 65_536;

    /** Stored parts of the layout: enough for every cluster's size and a slot per row. */
    int parts(int rowsInUse) {
        return Math.max(1, (count + Math.max(rowsInUse, slotCount()) + VALUES_PER_PART - 1) / VALUES_PER_PART);
    }

    /** The checkpoint form of the centroids. */
    byte[] encodeCentroids() {
        ByteBuffer buffer = ByteBuffer.allocate(2 * Integer.BYTES + Float.BYTES * width * count);
        buffer.putInt(count).putInt(width);
        for (float[] coordinate : centroids) {
            for (float value : coordinate) {
                buffer.putFloat(value);
            }
        }
        return buffer.array();
    }

    /**
     * One part of the checkpoint form of the segments' layout: each cluster's size, then the row of
     * each slot. The layout is stored as it is, slots of rows that left included, so a restored
     * model's products see the same matrices: a product's last bit may depend on where in the
     * matrix a row lies.
     */
    byte[] encodeLayout(int part) {
        int[] layout = new int[count + slotCount()];
        int at = 0;
        for (Segment segment : segments) {
            layout[at++] = segment.rows().length;
            System.arraycopy(segment.rows(), 0, layout, at, segment.rows().length);
            at += segment.rows().length;
        }
        int first = Math.min(layout.length, part * VALUES_PER_PART);
        int end = Math.min(layout.length, first + VALUES_PER_PART);
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES * (end - first));
        for (int i = first; i < end; i++) {
            buffer.putInt(layout[i]);
        }
        return buffer.array();
    }

    /**
     * Clusters as {@link #encodeCentroids} and {@link #encodeLayout} stored them (the parts in
     * order); live rows in no segment are fresh.
     */
    static ItemClusters decode(byte[] storedCentroids, List<byte[]> storedParts, int rowsInUse, IntPredicate live,
            Vectors vectors) {
        ByteBuffer buffer = ByteBuffer.wrap(storedCentroids);
        int count = buffer.getInt();
        int width = buffer.getInt();
        float[][] centroids = new float[width][count];
        for (float[] coordinate : centroids) {
            for (int c = 0; c < count; c++) {
                coordinate[c] = buffer.getFloat();
            }
        }
        ByteBuffer layout = ByteBuffer.allocate(storedParts.stream().mapToInt(part -> part.length).sum());
        storedParts.forEach(layout::put);
        layout.flip();
        int[] clusterOf = new int[rowsInUse];
        Arrays.fill(clusterOf, UNASSIGNED);
        ItemClusters clusters = new ItemClusters(count, width, centroids, clusterOf);
        float[] vector = new float[width];
        for (int c = 0; c < count; c++) {
            Segment segment = Segment.of(new int[layout.getInt()], width - 1);
            for (int slot = 0; slot < segment.rows().length; slot++) {
                int row = layout.getInt();
                segment.rows()[slot] = row;
                if (row != LEFT) {
                    clusters.clusterOf[row] = c;
                    clusters.slotOf[row] = slot;
                    if (live.test(row)) {
                        vectors.read(row, vector);
                        segment.write(slot, vector);
                    }
                }
            }
            clusters.segments[c] = segment;
        }
        for (int row = 0; row < rowsInUse; row++) {
            if (live.test(row) && clusterOf[row] == UNASSIGNED) {
                clusters.fresh.set(row);
            }
        }
        return clusters;
    }

    private int slotCount() {
        int slots = 0;
        for (Segment segment : segments) {
            slots += segment.rows().length;
        }
        return slots;
    }

    /** Stored centroids of another shape (the settings changed) are not used. */
    static boolean fits(byte[] storedCentroids, int count, int width) {
        ByteBuffer buffer = ByteBuffer.wrap(storedCentroids);
        return buffer.getInt() == count && buffer.getInt() == width;
    }

    private void assignAll(Vectors vectors, int rowsInUse, IntPredicate live) {
        if (clusterOf.length < rowsInUse) {
            clusterOf = Arrays.copyOf(clusterOf, rowsInUse);
        }
        Arrays.fill(clusterOf, UNASSIGNED);
        int[] block = new int[ASSIGNED_TOGETHER];
        float[][] blockVectors = new float[ASSIGNED_TOGETHER][width];
        float[][] dots = new float[ASSIGNED_TOGETHER][count];
        int filled = 0;
        for (int row = 0; row < rowsInUse; row++) {
            if (live.test(row)) {
                vectors.read(row, blockVectors[filled]);
                block[filled++] = row;
                if (filled == ASSIGNED_TOGETHER) {
                    assignBlock(block, filled, blockVectors, dots);
                    filled = 0;
                }
            }
        }
        assignBlock(block, filled, blockVectors, dots);
        buildSegments(vectors, rowsInUse, live);
    }

    /** Assigns the block's first {@code filled} rows to their nearest centroids. */
    private void assignBlock(int[] block, int filled, float[][] blockVectors, float[][] dots) {
        if (filled == ASSIGNED_TOGETHER) {
            dotsOfFour(blockVectors, dots);
        } else {
            for (int i = 0; i < filled; i++) {
                dotsOfOne(blockVectors[i], dots[i]);
            }
        }
        for (int i = 0; i < filled; i++) {
            clusterOf[block[i]] = nearest(dots[i]);
        }
    }

    /** A vector's dot product with every centroid, summed over the coordinates in order. */
    private void dotsOfOne(float[] vector, float[] dots) {
        Arrays.fill(dots, 0f);
        for (int t = 0; t < width; t++) {
            float x = vector[t];
            float[] coordinate = centroids[t];
            for (int c = 0; c < count; c++) {
                dots[c] += x * coordinate[c];
            }
        }
    }

    /** {@link #dotsOfOne} for four vectors at once (the same sums in the same order), each centroid value loaded once. */
    private void dotsOfFour(float[][] vectors, float[][] dots) {
        float[] dots0 = dots[0];
        float[] dots1 = dots[1];
        float[] dots2 = dots[2];
        float[] dots3 = dots[3];
        for (float[] row : dots) {
            Arrays.fill(row, 0f);
        }
        for (int t = 0; t < width; t++) {
            float x0 = vectors[0][t];
            float x1 = vectors[1][t];
            float x2 = vectors[2][t];
            float x3 = vectors[3][t];
            float[] coordinate = centroids[t];
            for (int c = 0; c < count; c++) {
                float value = coordinate[c];
                dots0[c] += x0 * value;
                dots1[c] += x1 * value;
                dots2[c] += x2 * value;
                dots3[c] += x3 * value;
            }
        }
    }

    /** Segments and fresh rows from {@link #clusterOf}, for the live rows. */
    private void buildSegments(Vectors vectors, int rowsInUse, IntPredicate live) {
        if (slotOf.length < clusterOf.length) {
            slotOf = new int[clusterOf.length];
        }
        int[] sizes = new int[count];
        fresh.clear();
        for (int row = 0; row < rowsInUse; row++) {
            if (live.test(row)) {
                if (clusterOf[row] == UNASSIGNED) {
                    fresh.set(row);
                } else {
                    slotOf[row] = sizes[clusterOf[row]]++;
                }
            }
        }
        for (int c = 0; c < count; c++) {
            if (segments[c] != null) {
                segments[c].embeddings().close();
            }
            segments[c] = Segment.of(new int[sizes[c]], width - 1);
        }
        float[] vector = new float[width];
        for (int row = 0; row < rowsInUse; row++) {
            if (live.test(row) && clusterOf[row] != UNASSIGNED) {
                Segment segment = segments[clusterOf[row]];
                segment.rows()[slotOf[row]] = row;
                vectors.read(row, vector);
                segment.write(slotOf[row], vector);
            }
        }
    }

    /** The centroid nearest a vector, from its dot products with them (Euclidean; ties to the lower cluster). */
    private int nearest(float[] dots) {
        int best = 0;
        float bestDistance = Float.POSITIVE_INFINITY;
        for (int c = 0; c < count; c++) {
            // |x - c|² less |x|², which every centroid shares.
            float distance = squaredNorms[c] - 2 * dots[c];
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    private void computeNorms() {
        Arrays.fill(squaredNorms, 0f);
        for (int t = 0; t < width; t++) {
            for (int c = 0; c < count; c++) {
                float value = centroids[t][c];
                squaredNorms[c] += value * value;
            }
        }
    }
}
