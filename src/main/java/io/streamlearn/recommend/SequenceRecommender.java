package io.streamlearn.recommend;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntPredicate;

import org.bytedeco.javacpp.FloatPointer;

import io.streamlearn.checkpoint.MetaRows;
import io.streamlearn.checkpoint.ModelProvenance;
import io.streamlearn.checkpoint.StateRow;
import io.streamlearn.compute.WorkSharing;
import io.streamlearn.event.ScoredItem;
import io.streamlearn.learn.GaussianInit;
import io.streamlearn.learn.OnlineModel;
import io.streamlearn.learn.SharedParameters;

/**
 * Sequence-aware embedding recommender. A user is represented by the mean input embedding of their
 * most recent items, so the model needs no per-user parameters and a brand-new user is served from
 * the item side alone; an item is scored by its output embedding and a bias:
 *
 * <pre>  h(u) = Σ_p a_p P[j_p]   (j_0 the most recent item, a_p ∝ decay^p, Σ a_p = 1)
 *  logit(u, i) = h(u) · Q[i] + b[i]      score(u, i) = σ(logit(u, i))</pre>
 *
 * Trained with a sampled softmax of each positive against uniformly drawn negative items, by sparse
 * Adagrad over the rows a mini-batch touches. With uniform negatives the bias learns popularity, so
 * the popularity signal is kept rather than trained away (popularity-biased negatives would teach
 * the model to avoid popular items).
 *
 * <p>Every parameter is on the item side, so all of them are shared between the tasks' replicas
 * ({@link SharedParameters}); an item's initial rows derive from its ID and the seed alone, so the
 * replicas' increments all start from the same point.
 */
public final class SequenceRecommender
        implements OnlineModel<RecommendationQuery, RecommendationAnswer, TrainingExample>, SharedParameters<ItemDelta> {

    public static final String KIND = "recommend";
    static final int FORMAT_VERSION = 1;
    /** Settings that decide what stored rows mean: a checkpoint restores only where they match. */
    private static final List<String> LAYOUT_KEYS = List.of("dimension");
    /**
     * Items scored per matrix product. A group of 64 answers' scores of 2,048 items (512 KB) stay in
     * the core's cache while the top-K candidates are picked from them; a group's scores of every
     * item at once (5 MB at 20,000 items) went to memory and back twice (out of the product, into
     * the scan) and pushed the model's rows out of the cache before the mini-batch that follows.
     */
    private static final int ITEMS_PER_PRODUCT = 2048;
    /**
     * Candidate clusters are built once the catalogue holds this many items per cluster; below, every
     * answer scores every item, which costs little.
     */
    private static final int ITEMS_PER_CLUSTER = 64;
    /** k-means rounds of the first clustering. */
    private static final int BUILD_ROUNDS = 5;
    /**
     * Mini-batches between refreshes of the clusters (one k-means round: ~15 ms at 18,800 items in
     * a microbenchmark). On MovieLens, with 64 clusters, refreshing every 100 batches instead of 500
     * kept HR@10 within 2.3 % of exact answers' at 6 probes instead of 6.7 %, 0.6 % at 16 instead of
     * 1.2 %; the load test's stream hardly needs it (clusters 500 batches old held 99.5 %).
     */
    private static final int REFRESH_BATCHES = 100;

    private final RecommenderConfig config;
    /** Whether own increments are tracked for {@link #takeOwnDelta} (only when replicas share them). */
    private final boolean sharesIncrements;
    private final WorkSharing workSharing;
    private final int itemsPerProduct;
    private final RecommenderRows rows;
    private final ThreadLocal<ScoreScratch> scoreScratch = ThreadLocal.withInitial(ScoreScratch::new);
    private final ClusterScan clusterScan = new ClusterScan();
    private final MiniBatchGradient.Workspace gradientWorkspace = new MiniBatchGradient.Workspace();
    /** Rows stepped since {@link #takeChangedRows} last named them. */
    private final BitSet changedRows = new BitSet();
    private ItemIndex index;
    /** Where answers take their candidates from; null while every item is scored. */
    private ItemClusters clusters;
    private AdagradTable input;
    private AdagradTable output;
    private AdagradTable bias;
    private ModelProvenance provenance;
    private long version;

    /** A model that keeps its increments to itself. */
    public SequenceRecommender(RecommenderConfig config) {
        this(config, false);
    }

    /** @param sharesIncrements track own increments, to share them with other replicas ({@link #takeOwnDelta}) */
    public SequenceRecommender(RecommenderConfig config, boolean sharesIncrements) {
        this(config, sharesIncrements, WorkSharing.CALLER_ONLY);
    }

    /**
     * @param workSharing threads that help the caller select a group's top-K lists, and compute a
     *        mini-batch's gradient and step its rows; results are the same with any number of them
     */
    public SequenceRecommender(RecommenderConfig config, boolean sharesIncrements, WorkSharing workSharing) {
        this(config, sharesIncrements, workSharing, ITEMS_PER_PRODUCT);
    }

    /** @param itemsPerProduct items one matrix product scores ({@link #predictAll}) */
    SequenceRecommender(RecommenderConfig config, boolean sharesIncrements, WorkSharing workSharing,
            int itemsPerProduct) {
        this.config = config;
        this.sharesIncrements = sharesIncrements;
        this.workSharing = workSharing;
        this.itemsPerProduct = itemsPerProduct;
        this.rows = new RecommenderRows(config.dimension());
        clear(System.currentTimeMillis());
    }

    @Override
    public RecommendationAnswer predict(RecommendationQuery query) {
        return predictAll(List.of(query)).get(0);
    }

    /**
     * Answers several queries against the same parameters together: scoring a range of items for
     * every query at once reads those items' rows once instead of once per query, which is what
     * makes serving a large catalogue affordable. Items are scored range by range
     * ({@code itemsPerProduct} at a time) and each query's best candidates picked from a range
     * while its scores are still in the cache. The ranges are split into consecutive runs, one per
     * thread of {@link WorkSharing}; each run keeps its own selection per query, and the runs'
     * selections are merged. {@link RecommendationQuery#seen} is therefore asked from helper
     * threads, and must only read. Once candidate clusters are built ({@link ItemClusters}), each
     * query scores only the items of its nearest clusters and the fresh ones, on the calling thread.
     */
    public List<RecommendationAnswer> predictAll(List<RecommendationQuery> queries) {
        int live = index.rowsInUse();
        if (live == 0) {
            return queries.stream().map(q -> new RecommendationAnswer(0.5f, List.<ScoredItem>of())).toList();
        }
        if (clusters != null) {
            return predictFromClusters(queries);
        }
        float[] users = userVectors(queries);
        Group group = new Group(queries, scoreScratch.get().users().holding(users, users.length), eligibility(queries),
                askedRows(queries));
        int ranges = (live + itemsPerProduct - 1) / itemsPerProduct;
        int runs = Math.min(ranges, workSharing.threads());
        TopK.Candidates[][] bestByRun = new TopK.Candidates[runs][];
        workSharing.run(runs,
                run -> bestByRun[run] = bestOfRanges(group, run * ranges / runs, (run + 1) * ranges / runs, live));
        RecommendationAnswer[] answers = new RecommendationAnswer[queries.size()];
        TopK.Candidates[] runsBest = new TopK.Candidates[runs];
        for (int q = 0; q < answers.length; q++) {
            for (int run = 0; run < runs; run++) {
                runsBest[run] = bestByRun[run][q];
            }
            answers[q] = answer(TopK.mergeBestFirst(runsBest, config.topK()), group.askedLogits()[q], group.asked()[q]);
        }
        return List.of(answers);
    }

    /**
     * Answers from the candidate clusters: each query's top-K among the items of the clusters it
     * probes and the fresh items; its asked item's score is computed on its own, as the scan would.
     */
    private List<RecommendationAnswer> predictFromClusters(List<RecommendationQuery> queries) {
        int d = config.dimension();
        float[] users = userVectors(queries);
        int[] asked = askedRows(queries);
        TopK.Candidates[] best = clusterScan.best(clusters, clusters.probe(users, config.candidateProbes()), users, d,
                this::readScoringVector, index::isLive, eligibility(queries), config.topK());
        float[] vector = new float[d + 1];
        RecommendationAnswer[] answers = new RecommendationAnswer[queries.size()];
        for (int q = 0; q < answers.length; q++) {
            float askedLogit = 0f;
            if (asked[q] != ItemIndex.ABSENT) {
                readScoringVector(asked[q], vector);
                askedLogit = ClusterScan.logit(users, q, d, vector);
            }
            answers[q] = answer(best[q], askedLogit, asked[q]);
        }
        return List.of(answers);
    }

    /** A row's output embedding followed by its bias. */
    private void readScoringVector(int row, float[] out) {
        output.copyRow(row, out, 0);
        bias.copyRow(row, out, config.dimension());
    }

    /** Each query's best candidates among the items of ranges {@code first .. end)}, by query. */
    private TopK.Candidates[] bestOfRanges(Group group, int first, int end, int live) {
        TopK.Selection[] selections = new TopK.Selection[group.queries().size()];
        for (int q = 0; q < selections.length; q++) {
            selections[q] = new TopK.Selection(config.topK());
        }
        for (int range = first; range < end; range++) {
            scoreRange(group, range * itemsPerProduct, Math.min(live, (range + 1) * itemsPerProduct), selections);
        }
        TopK.Candidates[] best = new TopK.Candidates[selections.length];
        for (int q = 0; q < selections.length; q++) {
            best[q] = selections[q].drainBestFirst();
        }
        return best;
    }

    /**
     * One answer group: its queries, their user vectors (row-major, one row per query, in native
     * memory for the products), which rows each query may be recommended, the row of each query's
     * asked item ({@link ItemIndex#ABSENT} when none), and the logit of that item, written by the
     * range that holds it.
     */
    private record Group(List<RecommendationQuery> queries, FloatPointer users, IntPredicate[] eligible, int[] asked,
            float[] askedLogits) {
        Group(List<RecommendationQuery> queries, FloatPointer users, IntPredicate[] eligible, int[] asked) {
            this(queries, users, eligible, asked, new float[queries.size()]);
        }
    }

    /** Per query, the rows it may be recommended: live items its user has not seen. */
    private IntPredicate[] eligibility(List<RecommendationQuery> queries) {
        IntPredicate[] eligible = new IntPredicate[queries.size()];
        for (int q = 0; q < eligible.length; q++) {
            SeenItems seen = queries.get(q).seen();
            eligible[q] = row -> {
                long fingerprint = index.fingerprint(row);
                return fingerprint != ItemIndex.NO_FINGERPRINT && !seen.contains(fingerprint);
            };
        }
        return eligible;
    }

    /** The queries' user vectors, one after another. */
    private float[] userVectors(List<RecommendationQuery> queries) {
        int d = config.dimension();
        float[] users = new float[queries.size() * d];
        for (int q = 0; q < queries.size(); q++) {
            History history = history(queries.get(q).recentItems());
            for (int p = 0; p < history.rows().length; p++) {
                input.addWeightedRow(history.rows()[p], history.weights()[p], users, q * d);
            }
        }
        return users;
    }

    private int[] askedRows(List<RecommendationQuery> queries) {
        int[] asked = new int[queries.size()];
        for (int q = 0; q < queries.size(); q++) {
            String itemId = queries.get(q).itemId();
            asked[q] = itemId == null ? ItemIndex.ABSENT : index.rowOf(itemId);
        }
        return asked;
    }

    /**
     * Scores rows {@code from .. to)} for every query of the group and offers them to the query's
     * selection. The product is one BLAS call on the item table's rows where they lie: ND4J's
     * {@code gemm} on a view of them cost ~80 µs a call on top of the product (a quarter of the
     * product of 64 queries by 2,048 items). Its output, in the calling thread's reused buffer
     * ({@link ScoreScratch}), is copied once to a Java array that the scan reads without a buffer's
     * bounds checks; the scan adds each row's bias as it reads the row.
     */
    private void scoreRange(Group group, int from, int to, TopK.Selection[] selections) {
        ScoreScratch scratch = scoreScratch.get();
        int count = group.queries().size();
        int items = to - from;
        int d = config.dimension();
        FloatPointer products = scratch.nativeProducts().atLeast((long) count * items);
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, count, items, d, 1f, group.users(), d,
                output.rowsFrom(from), d, 0f, products, items);
        float[] scores = scratch.products().atLeast(count * items);
        scratch.nativeProducts().copyTo(scores, count * items);
        float[] biases = scratch.biases().atLeast(items);
        bias.copyRows(from, to, biases);
        for (int q = 0; q < count; q++) {
            selections[q].offer(scores, q * items, biases, items, from, group.eligible()[q]);
            int asked = group.asked()[q];
            if (asked >= from && asked < to) {
                group.askedLogits()[q] = scores[q * items + asked - from] + biases[asked - from];
            }
        }
    }

    /**
     * Per-thread buffers for {@link #scoreRange}: the stream thread, the helpers and HTTP threads
     * may score at once.
     */
    private record ScoreScratch(NativeScratch users, NativeScratch nativeProducts, ScratchArray products,
            ScratchArray biases) {
        ScoreScratch() {
            this(new NativeScratch(), new NativeScratch(), new ScratchArray(), new ScratchArray());
        }
    }

    private RecommendationAnswer answer(TopK.Candidates best, float askedLogit, int asked) {
        List<ScoredItem> top = new ArrayList<>(best.rows().length);
        for (int i = 0; i < best.rows().length; i++) {
            top.add(new ScoredItem(index.id(best.rows()[i]), sigmoid(best.logits()[i])));
        }
        float score = asked == ItemIndex.ABSENT ? 0.5f : sigmoid(askedLogit);
        return new RecommendationAnswer(score, top);
    }

    @Override
    public Set<String> learn(List<TrainingExample> batch) {
        if (batch.isEmpty()) {
            return Set.of();
        }
        Set<String> changed = new LinkedHashSet<>();
        evictIdleItems(batch, changed::add);
        int[] positives = admitPositives(batch, changed::add);
        SplittableRandom random = new SplittableRandom(config.seed() * 31 + version);
        MiniBatchGradient.Event[] events = new MiniBatchGradient.Event[batch.size()];
        for (int e = 0; e < events.length; e++) {
            TrainingExample example = batch.get(e);
            History history = history(example.recentItems());
            events[e] = new MiniBatchGradient.Event(history.rows(), history.weights(), positives[e],
                    sampleNegatives(random), example.weight());
        }
        MiniBatchGradient gradient = MiniBatchGradient.compute(events, input, output, bias, gradientWorkspace, workSharing);
        applySteps(gradient);
        if (clusters != null) {
            clusters.rewrite(gradient.candidateRows(), this::readScoringVector);
        }
        markChanged(gradient.historyRows());
        markChanged(gradient.candidateRows());
        version++;
        changed.add(MetaRows.VERSION_KEY);
        maintainClusters(changed);
        return changed;
    }

    /**
     * Builds the candidate clusters once the catalogue is large enough, and refreshes them at the
     * versions {@link #refreshesAt} names: both decided by the batches learned alone, so a journal
     * re-learned after a restore builds and refreshes them exactly where the original did.
     */
    private void maintainClusters(Set<String> changed) {
        if (config.candidateClusters() == 0) {
            return;
        }
        if (clusters == null) {
            if (index.size() < config.candidateClusters() * ITEMS_PER_CLUSTER) {
                return;
            }
            clusters = ItemClusters.build(config.candidateClusters(), config.dimension() + 1, this::readScoringVector,
                    index.rowsInUse(), index::isLive, BUILD_ROUNDS);
        } else if (refreshesAt(version)) {
            clusters.refresh(this::readScoringVector, index.rowsInUse(), index::isLive);
        }
        // Items join the fresh ones with nearly every batch: the rows are rewritten with each checkpoint.
        changed.addAll(clusterKeys());
    }

    /**
     * Every power of two below {@link #REFRESH_BATCHES}, then every {@code REFRESH_BATCHES}: clusters
     * built early, on barely trained vectors, would otherwise keep memberships that no longer match
     * the vectors until version 100 (ClusteredAnswersTest: at version 90 the clustered top-5 held
     * 65 % of the exact one without the early refreshes, 91 % with them).
     */
    static boolean refreshesAt(long version) {
        return version % REFRESH_BATCHES == 0 || (version < REFRESH_BATCHES && Long.bitCount(version) == 1);
    }

    private List<String> clusterKeys() {
        List<String> keys = new ArrayList<>();
        keys.add(RecommenderRows.CENTROIDS_KEY);
        for (int part = 0; part < clusters.parts(index.rowsInUse()); part++) {
            keys.add(RecommenderRows.layoutKey(part));
        }
        return keys;
    }

    private StateRow clusterRow(String key) {
        if (clusters == null) {
            return new StateRow(key, null);
        }
        int part = RecommenderRows.layoutPart(key);
        return new StateRow(key, part < 0 ? clusters.encodeCentroids() : clusters.encodeLayout(part));
    }

    /**
     * One Adagrad step per row and table. Each row's step touches that row's coordinates alone, so
     * the steps run as independent parts: the history rows, each half of the output rows (the
     * largest share), and the biases.
     */
    private void applySteps(MiniBatchGradient gradient) {
        float rate = config.learningRate();
        int[] history = gradient.historyRows();
        int[] candidates = gradient.candidateRows();
        int half = candidates.length / 2;
        workSharing.run(4, part -> {
            switch (part) {
                case 0 -> input.applyGradient(history, gradient.input(), rate, 0, history.length);
                case 1 -> output.applyGradient(candidates, gradient.output(), rate, 0, half);
                case 2 -> output.applyGradient(candidates, gradient.output(), rate, half, candidates.length);
                default -> bias.applyGradient(candidates, gradient.bias(), rate, 0, candidates.length);
            }
        });
        input.markStepped(history);
        output.markStepped(candidates);
        bias.markStepped(candidates);
    }

    private void markChanged(int[] stepped) {
        for (int row : stepped) {
            changedRows.set(row);
        }
    }

    /**
     * The keys of the items whose rows mini-batches stepped since the last call. Rows are tracked by
     * position (a bit each) and named here, by their current items: an item evicted meanwhile was
     * named by {@link #learn}, and its row now holds another item or none.
     */
    @Override
    public List<String> takeChangedRows() {
        // A live row's key is its item's alone, so the keys are distinct without a set.
        List<String> keys = new ArrayList<>(changedRows.cardinality());
        for (int row = changedRows.nextSetBit(0); row >= 0; row = changedRows.nextSetBit(row + 1)) {
            if (index.isLive(row)) {
                keys.add(index.storeKey(row));
            }
        }
        changedRows.clear();
        return keys;
    }

    @Override
    public List<ItemDelta> takeOwnDelta() {
        BitSet stepped = bias.steppedRows();
        stepped.or(input.steppedRows());
        stepped.or(output.steppedRows());
        List<ItemDelta> deltas = new ArrayList<>(stepped.cardinality());
        for (int row = stepped.nextSetBit(0); row >= 0; row = stepped.nextSetBit(row + 1)) {
            float[] inputDelta = input.takeDelta(row);
            float[] outputDelta = output.takeDelta(row);
            float[] biasDelta = bias.takeDelta(row);
            if (index.isLive(row)) {
                deltas.add(new ItemDelta(index.id(row), index.lastSeen(row), inputDelta, outputDelta, biasDelta));
            }
        }
        return deltas;
    }

    @Override
    public Set<String> foldIn(List<ItemDelta> own, List<ItemDelta> others) {
        Map<String, ItemDelta> ownById = new HashMap<>(2 * own.size());
        own.forEach(delta -> ownById.put(delta.itemId(), delta));
        Map<String, List<ItemDelta>> othersById = new LinkedHashMap<>(2 * others.size());
        others.forEach(delta -> othersById.computeIfAbsent(delta.itemId(), id -> new ArrayList<>(4)).add(delta));
        Set<String> changed = new LinkedHashSet<>(2 * othersById.size());
        List<float[]> parts = new ArrayList<>();
        int[] merged = new int[othersById.size()];
        int mergedCount = 0;
        for (Map.Entry<String, List<ItemDelta>> item : othersById.entrySet()) {
            List<ItemDelta> deltas = item.getValue();
            long lastSeen = Long.MIN_VALUE;
            for (ItemDelta delta : deltas) {
                lastSeen = Math.max(lastSeen, delta.lastSeen());
            }
            int row = rowFor(item.getKey(), lastSeen, changed::add);
            merged[mergedCount++] = row;
            ItemDelta mine = ownById.get(item.getKey());
            mergePart(input, row, mine == null ? null : mine.input(), deltas, ItemDelta::input, parts);
            mergePart(output, row, mine == null ? null : mine.output(), deltas, ItemDelta::output, parts);
            mergePart(bias, row, mine == null ? null : mine.bias(), deltas, ItemDelta::bias, parts);
            changed.add(rows.itemKey(item.getKey()));
        }
        if (clusters != null && mergedCount > 0) {
            clusters.rewrite(merged, this::readScoringVector);
            changed.addAll(clusterKeys());
        }
        return changed;
    }

    /** Merges the others' increments of one part (those that stepped it) into the row. */
    private static void mergePart(AdagradTable table, int row, float[] own, List<ItemDelta> deltas,
            Function<ItemDelta, float[]> part, List<float[]> scratch) {
        scratch.clear();
        for (ItemDelta delta : deltas) {
            float[] increments = part.apply(delta);
            if (increments != null) {
                scratch.add(increments);
            }
        }
        if (!scratch.isEmpty()) {
            table.merge(row, own, scratch);
        }
    }

    @Override
    public List<StateRow> rows(Collection<String> keys) {
        List<StateRow> out = new ArrayList<>(keys.size());
        for (String key : keys) {
            if (key.equals(MetaRows.VERSION_KEY)) {
                out.add(MetaRows.versionRow(version));
            } else if (key.equals(MetaRows.PROVENANCE_KEY)) {
                out.add(MetaRows.provenanceRow(provenance));
            } else if (key.startsWith(RecommenderRows.CLUSTERS_PREFIX)) {
                out.add(clusterRow(key));
            } else {
                int row = index.rowOf(key.substring(RecommenderRows.ITEM_PREFIX.length()));
                out.add(row == ItemIndex.ABSENT ? new StateRow(key, null) : itemRow(row));
            }
        }
        return out;
    }

    @Override
    public List<StateRow> snapshot() {
        List<StateRow> all = new ArrayList<>();
        all.add(MetaRows.provenanceRow(provenance));
        all.add(MetaRows.versionRow(version));
        if (clusters != null) {
            clusterKeys().forEach(key -> all.add(clusterRow(key)));
        }
        for (int row = 0; row < index.rowsInUse(); row++) {
            if (index.isLive(row)) {
                all.add(itemRow(row));
            }
        }
        return all;
    }

    @Override
    public void restore(Iterable<StateRow> stored) {
        clear(System.currentTimeMillis());
        byte[] storedCentroids = null;
        Map<Integer, byte[]> storedLayout = new TreeMap<>();
        for (StateRow row : stored) {
            if (row.isDeletion()) {
                continue;
            }
            if (row.key().equals(RecommenderRows.CENTROIDS_KEY)) {
                storedCentroids = row.value();
            } else if (RecommenderRows.layoutPart(row.key()) >= 0) {
                storedLayout.put(RecommenderRows.layoutPart(row.key()), row.value());
            } else if (row.key().equals(MetaRows.PROVENANCE_KEY)) {
                ModelProvenance saved = MetaRows.readProvenance(row);
                saved.requireCompatibleWith(provenance, LAYOUT_KEYS);
                provenance = saved;
            } else if (row.key().equals(MetaRows.VERSION_KEY)) {
                version = MetaRows.readVersion(row);
            } else if (row.key().startsWith(RecommenderRows.ITEM_PREFIX)) {
                RecommenderRows.ItemState item = rows.readItem(row);
                index.place(item.itemId(), item.row(), item.lastSeen());
                input.importRow(item.row(), item.input());
                output.importRow(item.row(), item.output());
                bias.importRow(item.row(), item.bias());
            }
        }
        index.restoreFreeRows();
        if (storedCentroids != null
                && ItemClusters.fits(storedCentroids, config.candidateClusters(), config.dimension() + 1)) {
            clusters = ItemClusters.decode(storedCentroids, List.copyOf(storedLayout.values()), index.rowsInUse(),
                    index::isLive, this::readScoringVector);
        }
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    /** Whether answers come from candidate clusters (built once the catalogue is large enough) rather than every item. */
    public boolean answersFromClusters() {
        return clusters != null;
    }

    /** Items currently held (for metrics). */
    public int itemCount() {
        return index.size();
    }

    private void clear(long createdAt) {
        int initialRows = Math.min(config.itemCapacity(), 1024);
        index = new ItemIndex(config.itemCapacity(), rows::itemKey);
        input = new AdagradTable(config.dimension(), initialRows, sharesIncrements);
        output = new AdagradTable(config.dimension(), initialRows, sharesIncrements);
        bias = new AdagradTable(1, initialRows, sharesIncrements);
        version = 0;
        clusters = null;
        changedRows.clear();
        provenance = new ModelProvenance(KIND, FORMAT_VERSION, config.asMap(),
                ModelProvenance.currentLibraries(), createdAt);
    }

    /**
     * Evicts the items unused for the idle period before the batch's newest event, so a withdrawn
     * item stops being recommended and gives its row back. Idleness is measured in event time, not
     * on the clock, so a replay or a restored replica evicts the same items.
     */
    private void evictIdleItems(List<TrainingExample> batch, Consumer<String> evicted) {
        if (config.itemIdleMillis() == 0) {
            return;
        }
        long now = index.newestSeen();
        for (TrainingExample example : batch) {
            now = Math.max(now, example.eventTime());
        }
        for (String itemId : index.evictIdleBefore(now - config.itemIdleMillis())) {
            evicted.accept(rows.itemKey(itemId));
        }
    }

    /** @param evicted receives the checkpoint key of every item evicted to make room */
    private int[] admitPositives(List<TrainingExample> batch, Consumer<String> evicted) {
        int[] positives = new int[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            TrainingExample example = batch.get(i);
            positives[i] = rowFor(example.itemId(), example.eventTime(), evicted);
        }
        return positives;
    }

    /** The item's row, admitted (and initialised) when new, its last use moved to {@code eventTime} if later. */
    private int rowFor(String itemId, long eventTime, Consumer<String> evicted) {
        int row = index.rowOf(itemId);
        if (row == ItemIndex.ABSENT) {
            ItemIndex.Admission admission = index.admit(itemId, eventTime);
            row = admission.row();
            initialiseRow(row, itemId);
            if (admission.evictedId() != null) {
                evicted.accept(rows.itemKey(admission.evictedId()));
            }
        }
        index.touch(row, eventTime);
        return row;
    }

    private void initialiseRow(int row, String itemId) {
        SplittableRandom random = new SplittableRandom(config.seed() ^ itemId.hashCode() * 0x9E3779B97F4A7C15L);
        input.reset(row, GaussianInit.row(random, config.dimension(), config.initScale()));
        output.reset(row, GaussianInit.row(random, config.dimension(), config.initScale()));
        bias.reset(row, new float[] {0f});
        if (clusters != null) {
            clusters.admitted(row);
        }
    }

    /** Uniform negatives among live rows, drawn with replacement (a draw may hit the positive). */
    private int[] sampleNegatives(SplittableRandom random) {
        int[] negatives = new int[config.negatives()];
        int span = index.rowsInUse();
        for (int n = 0; n < negatives.length; n++) {
            int row = random.nextInt(span);
            // Bounded retries: free rows are rare (only after evictions).
            for (int attempt = 0; attempt < 16 && !index.isLive(row); attempt++) {
                row = random.nextInt(span);
            }
            negatives[n] = index.isLive(row) ? row : negatives[Math.max(0, n - 1)];
        }
        return negatives;
    }

    /** Known rows of the most recent items, most recent first, with their normalised position weights. */
    private History history(List<String> recentItems) {
        int[] found = new int[Math.min(recentItems.size(), config.historyLength())];
        int count = 0;
        for (int i = recentItems.size() - 1; i >= 0 && count < found.length; i--) {
            int row = index.rowOf(recentItems.get(i));
            if (row != ItemIndex.ABSENT) {
                found[count++] = row;
            }
        }
        int[] rowsFound = Arrays.copyOf(found, count);
        float[] weights = new float[count];
        float total = 0;
        float weight = 1f;
        for (int p = 0; p < count; p++) {
            weights[p] = weight;
            total += weight;
            weight *= config.historyDecay();
        }
        for (int p = 0; p < count; p++) {
            weights[p] /= total;
        }
        return new History(rowsFound, weights);
    }

    private record History(int[] rows, float[] weights) {
    }

    private StateRow itemRow(int row) {
        return rows.itemRow(index.id(row), row, index.lastSeen(row), input.exportRow(row), output.exportRow(row),
                bias.exportRow(row));
    }

    private static float sigmoid(float logit) {
        return (float) (1.0 / (1.0 + Math.exp(-logit)));
    }

}
