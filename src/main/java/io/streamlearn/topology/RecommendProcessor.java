package io.streamlearn.topology;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import io.streamlearn.checkpoint.CheckpointStore;
import io.streamlearn.checkpoint.JournaledCheckpoint;
import io.streamlearn.event.Interaction;
import io.streamlearn.event.Recommendation;
import io.streamlearn.event.ScoredItem;
import io.streamlearn.learn.ModelHandle;
import io.streamlearn.learn.TaskModels;
import io.streamlearn.recommend.RecommendationAnswer;
import io.streamlearn.recommend.RecommendationQuery;
import io.streamlearn.recommend.SequenceRecommender;
import io.streamlearn.recommend.TrainingExample;
import io.streamlearn.recommend.UserHistory;

/**
 * Test-then-train for one task: answers each interaction from the current model (the score of its
 * item and the user's top-K), then buffers it for the next mini-batch update. All state changes go
 * to the task's stores in the same transaction as the answer.
 */
final class RecommendProcessor implements Processor<String, Interaction, String, Recommendation> {

    private static final Logger LOG = Logger.getLogger(RecommendProcessor.class);

    private final RecommendSettings settings;
    private final TaskModels<RecommendationQuery, RecommendationAnswer, TrainingExample, SequenceRecommender> models;
    private ProcessorContext<String, Recommendation> context;
    private KeyValueStore<String, UserHistory> histories;
    private KeyValueStore<String, Long> seen;
    private JournaledCheckpoint<TrainingExample> checkpoint;
    private PendingBatch<TrainingExample> pending;
    private ModelHandle<RecommendationQuery, RecommendationAnswer, TrainingExample, SequenceRecommender> model;
    private int partition;

    RecommendProcessor(RecommendSettings settings,
            TaskModels<RecommendationQuery, RecommendationAnswer, TrainingExample, SequenceRecommender> models) {
        this.settings = settings;
        this.models = models;
    }

    @Override
    public void init(ProcessorContext<String, Recommendation> context) {
        this.context = context;
        this.partition = context.taskId().partition();
        this.histories = context.getStateStore(StoreNames.RECOMMEND_USER_HISTORY);
        this.seen = context.getStateStore(StoreNames.RECOMMEND_USER_SEEN);
        this.checkpoint = new JournaledCheckpoint<>(new CheckpointStore(context.getStateStore(StoreNames.RECOMMEND_MODEL)),
                context.getStateStore(StoreNames.RECOMMEND_JOURNAL), settings.checkpointInterval());
        this.pending = new PendingBatch<>(context.getStateStore(StoreNames.RECOMMEND_PENDING),
                System.currentTimeMillis());
        this.model = new ModelHandle<>(restoreOrCreateModel());
        models.register(partition, model);
        Duration tick = Duration.ofMillis(Math.max(5, settings.batching().maxWait().toMillis() / 2));
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::learnIfDue);
    }

    @Override
    public void process(Record<String, Interaction> record) {
        Interaction interaction = record.value();
        UserHistory history = historyOf(interaction.userId());
        RecommendationAnswer answer = answer(interaction, history);
        context.forward(record.withKey(interaction.userId()).withValue(recommendation(interaction, answer)));
        recordPrequentialOutcome(interaction, answer);
        remember(interaction, history);
        if (settings.batching().isFull(pending.size())) {
            learnPending();
        }
    }

    @Override
    public void close() {
        models.unregister(partition, model);
    }

    private SequenceRecommender restoreOrCreateModel() {
        SequenceRecommender recommender = checkpoint.restore(new SequenceRecommender(settings.model()));
        if (recommender.version() > 0) {
            LOG.infof("task %s: recommender restored at version %d with %d items, %d examples pending",
                    context.taskId(), recommender.version(), recommender.itemCount(), pending.size());
        }
        return recommender;
    }

    private UserHistory historyOf(String userId) {
        UserHistory history = histories.get(userId);
        return history == null ? UserHistory.empty() : history;
    }

    private RecommendationAnswer answer(Interaction interaction, UserHistory history) {
        int length = settings.model().historyLength();
        String userId = interaction.userId();
        return model.predict(new RecommendationQuery(interaction.itemId(), history.recent(length),
                item -> seen.get(UserHistory.seenKey(userId, item)) != null));
    }

    private Recommendation recommendation(Interaction interaction, RecommendationAnswer answer) {
        return new Recommendation(interaction.eventId(), interaction.userId(), interaction.itemId(), answer.score(),
                answer.topK(), model.read(SequenceRecommender::version), System.currentTimeMillis());
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

    private void remember(Interaction interaction, UserHistory history) {
        int length = settings.model().historyLength();
        pending.add(new TrainingExample(history.recent(length), interaction.itemId(),
                settings.signal().weight(interaction), interaction.timestamp()), System.currentTimeMillis());
        histories.put(interaction.userId(), history.with(interaction.itemId(), length));
        seen.putIfAbsent(UserHistory.seenKey(interaction.userId(), interaction.itemId()), interaction.timestamp());
    }

    private void learnIfDue(long now) {
        if (settings.batching().isDue(pending.size(), pending.oldestArrivalMillis(), now)) {
            learnPending();
        }
    }

    private void learnPending() {
        List<TrainingExample> batch = pending.drain();
        Set<String> changed = model.learn(batch);
        long version = model.read(SequenceRecommender::version);
        checkpoint.learned(version, batch, changed, model);
        models.metrics().recordUpdate(batch.size(), version);
    }
}
