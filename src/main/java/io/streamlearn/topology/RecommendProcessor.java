package io.streamlearn.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

import io.streamlearn.checkpoint.CheckpointAction;
import io.streamlearn.checkpoint.CheckpointStore;
import io.streamlearn.checkpoint.JournaledCheckpoint;
import io.streamlearn.event.Interaction;
import io.streamlearn.event.Recommendation;
import io.streamlearn.event.RecommendationWriter;
import io.streamlearn.event.ScoredItem;
import io.streamlearn.learn.ModelHandle;
import io.streamlearn.learn.SharedParameters;
import io.streamlearn.learn.TaskModels;
import io.streamlearn.recommend.ItemDelta;
import io.streamlearn.recommend.ItemDeltaCodec;
import io.streamlearn.recommend.RecommendationAnswer;
import io.streamlearn.recommend.RecommendationQuery;
import io.streamlearn.recommend.SeenItems;
import io.streamlearn.recommend.SequenceRecommender;
import io.streamlearn.recommend.TrainingExample;
import io.streamlearn.recommend.UserHistory;
import io.streamlearn.sync.ParameterSync;

/**
 * Test-then-train for one task. Each interaction is recorded as it arrives (the user's recent items
 * and seen items move on at once, so a user's next interaction sees it), answered from the current
 * model together with the other interactions waiting for an answer (one matrix product for the
 * group), and learned with the rest of its mini-batch. Answers always come from the model as it was
 * before their mini-batch is learned. All state changes go to the task's stores in the same
 * transaction as the answers.
 *
 * <p>With parameter sync on, the task exchanges increments with the other tasks' replicas every
 * sync interval ({@link ParameterSync}); every checkpoint is also an exchange.
 */
final class RecommendProcessor implements Processor<String, Interaction, String, RecommendOutput> {

    private static final Logger LOG = Logger.getLogger(RecommendProcessor.class);

    private final RecommendSettings settings;
    private final TaskModels<RecommendationQuery, RecommendationAnswer, TrainingExample, SequenceRecommender> models;
    private ProcessorContext<String, RecommendOutput> context;
    private UserItems users;
    private JournaledCheckpoint<PendingAnswer, TrainingExample> checkpoint;
    private PendingBatch batch;
    private ModelHandle<RecommendationQuery, RecommendationAnswer, TrainingExample, SequenceRecommender> model;
    private int partition;
    private ParameterSync<ItemDelta> sync;
    private boolean clustersLogged;

    RecommendProcessor(RecommendSettings settings,
            TaskModels<RecommendationQuery, RecommendationAnswer, TrainingExample, SequenceRecommender> models) {
        this.settings = settings;
        this.models = models;
    }

    @Override
    public void init(ProcessorContext<String, RecommendOutput> context) {
        this.context = context;
        this.partition = context.taskId().partition();
        this.users = new UserItems(context.getStateStore(StoreNames.RECOMMEND_USER_SEEN), settings.model().historyLength());
        CheckpointStore modelRows = new CheckpointStore(context.getStateStore(StoreNames.RECOMMEND_MODEL));
        SequenceRecommender recommender = new SequenceRecommender(settings.model(), settings.sync().enabled(),
                settings.workSharing());
        this.model = new ModelHandle<>(recommender);
        if (settings.sync().enabled()) {
            this.sync = new ParameterSync<>(
                    new ParameterSync.SyncSource<>("recommend/" + partition, lockedReplica(),
                            new ItemDeltaCodec(settings.model().dimension())),
                    new ParameterSync.SyncChannel(context.getStateStore(StoreNames.RECOMMEND_SYNC_ARCHIVE), this::publish),
                    settings.sync(), modelRows, context::currentSystemTimeMs);
        }
        this.checkpoint = new JournaledCheckpoint<>(modelRows, context.getStateStore(StoreNames.RECOMMEND_JOURNAL),
                entry -> entry.example(settings.signal().weight(entry.interaction())), settings.checkpointInterval(),
                sync == null ? CheckpointAction.NONE : sync);
        JournaledCheckpoint.Restored<SequenceRecommender, PendingAnswer> restored = checkpoint.restore(recommender);
        this.batch = new PendingBatch(restored.pending(), restored.answered(), context.currentSystemTimeMs());
        models.register(partition, model);
        logRestore(restored.model(), restored.millis());
        logClustersOnce();
        long tick = Math.max(1, Math.min(settings.answering().maxWait().toMillis(), settings.batching().maxWait().toMillis() / 2));
        context.schedule(Duration.ofMillis(tick), PunctuationType.WALL_CLOCK_TIME, this::answerOrLearnIfDue);
    }

    @Override
    public void process(Record<String, Interaction> record) {
        batch.add(remember(record), context.currentSystemTimeMs());
        if (settings.batching().isFull(batch.size())) {
            answerWaiting();
            learnBatch();
        } else if (settings.answering().isFull(batch.unanswered())) {
            answerWaiting();
        }
    }

    @Override
    public void close() {
        models.unregister(partition, model);
    }

    private void logRestore(SequenceRecommender recommender, long restoreMillis) {
        if (recommender.version() > 0 || batch.size() > 0) {
            LOG.infof("task %s: recommender restored at version %d with %d items in %d ms; %d interactions pending, "
                    + "%d answered", context.taskId(), recommender.version(), recommender.itemCount(), restoreMillis,
                    batch.size(), batch.answered());
        }
    }

    /** Moves the user's state on and journals the interaction; returns it as a pending answer. */
    private PendingAnswer remember(Record<String, Interaction> record) {
        Interaction interaction = record.value();
        UserHistory history = users.historyOf(interaction.userId());
        boolean firstSight = users.record(interaction.userId(), interaction.itemId(), checkpoint.nextKey());
        PendingAnswer entry = new PendingAnswer(interaction, record.timestamp(), history.items(), firstSight);
        checkpoint.append(entry);
        return entry;
    }

    private void answerOrLearnIfDue(long now) {
        if (settings.batching().isDue(batch.size(), batch.oldestArrivalMillis(), now)) {
            answerWaiting();
            learnBatch();
        } else if (settings.answering().isDue(batch.unanswered(), batch.oldestUnansweredArrivalMillis(), now)) {
            answerWaiting();
        }
        if (sync != null && sync.isDue(now)) {
            exchangeParameters();
        }
    }

    /** Every few exchanges one is a checkpoint; the others are recorded, their rows written by the next checkpoint. */
    private void exchangeParameters() {
        if (sync.checkpointDue()) {
            checkpoint.checkpointNow(model);
        } else {
            checkpoint.markDirty(sync.exchangeAndRecord(model.read(SequenceRecommender::version)));
        }
    }

    private void publish(String source, byte[] frame) {
        context.forward(new Record<>(source, new RecommendOutput.SharedDelta(frame), context.currentSystemTimeMs()));
    }

    /** The model's shared parameters, each operation under the model's write lock. */
    private SharedParameters<ItemDelta> lockedReplica() {
        return new SharedParameters<>() {
            @Override
            public List<ItemDelta> takeOwnDelta() {
                return model.write(SequenceRecommender::takeOwnDelta);
            }

            @Override
            public Set<String> foldIn(List<ItemDelta> own, List<ItemDelta> others) {
                return model.write(m -> m.foldIn(own, others));
            }
        };
    }

    /** Answers every interaction of the batch not answered yet, with one batched prediction. */
    private void answerWaiting() {
        if (batch.unanswered() == 0) {
            return;
        }
        List<PendingAnswer> waiting = batch.unansweredEntries();
        int first = batch.answered();
        List<RecommendationQuery> queries = new ArrayList<>(waiting.size());
        for (int i = 0; i < waiting.size(); i++) {
            queries.add(query(waiting.get(i), first + i));
        }
        List<RecommendationAnswer> answers = model.read(m -> m.predictAll(queries));
        byte[][] encoded = encode(waiting, answers, model.read(SequenceRecommender::version));
        for (int i = 0; i < waiting.size(); i++) {
            PendingAnswer entry = waiting.get(i);
            context.forward(new Record<>(entry.interaction().userId(), new RecommendOutput.Answer(encoded[i]),
                    entry.recordTimestamp()));
            recordPrequentialOutcome(entry.interaction(), answers.get(i));
        }
        batch.markAllAnswered();
        checkpoint.answered(batch.answered());
    }

    /**
     * The query as of the entry's arrival: items the user saw before it are excluded, later ones are
     * not. The user's seen set is looked up here, on the stream thread: helper threads only read it.
     */
    private RecommendationQuery query(PendingAnswer entry, int position) {
        String userId = entry.interaction().userId();
        SeenItems seenByUser = users.seenBy(userId);
        Map<Long, Integer> firstSights = batch.firstSightsOf(userId);
        if (firstSights.isEmpty()) {
            return new RecommendationQuery(entry.interaction().itemId(), entry.recentItems(), seenByUser);
        }
        return new RecommendationQuery(entry.interaction().itemId(), entry.recentItems(),
                fingerprint -> seenByUser.contains(fingerprint)
                        && firstSights.getOrDefault(fingerprint, Integer.MIN_VALUE) < position);
    }

    /**
     * The answers in their topic's JSON form, written by the helper threads together with this one:
     * writing them here alone took a tenth of the stream thread's time (eleven scores each).
     */
    private byte[][] encode(List<PendingAnswer> waiting, List<RecommendationAnswer> answers, long version) {
        long producedAt = context.currentSystemTimeMs();
        byte[][] encoded = new byte[waiting.size()][];
        settings.workSharing().run(encoded.length, i -> encoded[i] = RecommendationWriter.write(
                recommendation(waiting.get(i).interaction(), answers.get(i), version, producedAt)));
        return encoded;
    }

    private static Recommendation recommendation(Interaction interaction, RecommendationAnswer answer, long version,
            long producedAt) {
        return new Recommendation(interaction.eventId(), interaction.userId(), interaction.itemId(), answer.score(),
                answer.topK(), version, producedAt);
    }

    private void recordPrequentialOutcome(Interaction interaction, RecommendationAnswer answer) {
        List<ScoredItem> top = answer.topK();
        int rank = 0;
        for (int i = 0; i < top.size() && rank == 0; i++) {
            if (top.get(i).itemId().equals(interaction.itemId())) {
                rank = i + 1;
            }
        }
        models.metrics().recordPrediction(rank, settings.signal().isRelevant(interaction));
    }

    private void learnBatch() {
        List<TrainingExample> examples = batch.drain().stream()
                .map(entry -> entry.example(settings.signal().weight(entry.interaction()))).toList();
        Set<String> changed = model.learn(examples);
        long version = model.read(SequenceRecommender::version);
        checkpoint.learned(version, changed, model);
        models.metrics().recordUpdate(examples.size(), version);
        logClustersOnce();
    }

    /** Says once per task when answers start to come from candidate clusters (after a restore, at once). */
    private void logClustersOnce() {
        if (!clustersLogged && model.read(SequenceRecommender::answersFromClusters)) {
            clustersLogged = true;
            LOG.infof("task %s: answers come from %d candidate clusters of the %d items (model version %d)",
                    context.taskId(), settings.model().candidateClusters(), model.read(SequenceRecommender::itemCount),
                    model.read(SequenceRecommender::version));
        }
    }
}
