package io.streamlearn.topology;

import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.jboss.logging.Logger;

import io.streamlearn.compute.WorkSharing;
import io.streamlearn.event.ValidationLimits;
import io.streamlearn.intent.IntentConfig;
import io.streamlearn.kafka.KafkaBootstrap;
import io.streamlearn.kafka.StreamlearnConfig;
import io.streamlearn.learn.MiniBatchPolicy;
import io.streamlearn.recommend.LearningSignal;
import io.streamlearn.recommend.RecommenderConfig;
import io.streamlearn.sync.SyncSettings;

/** Hands the topology and the live-model registry to Quarkus; the graph itself is {@link StreamlearnTopology}. */
@ApplicationScoped
public class TopologyProducer {

    private static final Logger LOG = Logger.getLogger(TopologyProducer.class);

    @Produces
    @Singleton
    ServingModels servingModels() {
        return new ServingModels();
    }

    @Produces
    @Singleton
    WorkSharing workSharing(StreamlearnConfig config) {
        return WorkSharing.withHelpers(config.compute().helperThreads());
    }

    void stopHelpers(@Disposes WorkSharing workSharing) {
        workSharing.close();
    }

    @Produces
    @Singleton
    public Topology buildTopology(StreamlearnConfig config, ServingModels models, KafkaBootstrap kafka,
            WorkSharing workSharing) {
        return StreamlearnTopology.build(new StreamsBuilder(),
                settings(config, kafka.interactionPartitions(), workSharing), models);
    }

    static TopologySettings settings(StreamlearnConfig config, OptionalInt interactionPartitions,
            WorkSharing workSharing) {
        StreamlearnConfig.Topics t = config.topics();
        StreamlearnConfig.Validation v = config.validation();
        StreamlearnConfig.Recommend r = config.recommend();
        RecommenderConfig model = RecommenderConfig.builder()
                .dimension(r.dimension()).historyLength(r.historyLength()).historyDecay(r.historyDecay())
                .negatives(r.negatives()).learningRate(r.learningRate()).initScale(r.initScale())
                .itemCapacity(r.itemCapacity()).itemIdleMillis(r.itemIdle().toMillis()).topK(r.topK())
                .seed(r.seed()).candidateClusters(r.candidateClusters()).candidateProbes(r.candidateProbes()).build();
        StreamlearnConfig.Intent i = config.intent();
        IntentConfig intent = IntentConfig.builder()
                .buckets(i.featureBuckets()).charNgrams(i.charNgramMin(), i.charNgramMax()).dimension(i.dimension())
                .learningRate(i.learningRate()).maxIntents(i.maxIntents()).rehearsalCapacity(i.rehearsalCapacity())
                .rehearsalRatio(i.rehearsalRatio()).stepSize(i.stepSize()).alternatives(i.alternatives())
                .inScopeCoverage(i.inScopeCoverage()).fixedThreshold(i.confidenceThreshold())
                .calibrationWindow(i.calibrationWindow()).calibrationMinSeen(i.calibrationMinSeen())
                .imprintScale(i.imprintScale()).seed(i.seed())
                .build();
        return new TopologySettings(
                new TopicNames(t.interactions(), t.recommendations(), t.deadLetters(), t.supportMessages(),
                        t.supportPredictions(), t.supportFeedback(), t.modelSync()),
                new ValidationLimits(v.maxRecordBytes(), v.maxIdLength(), v.maxNestingDepth(), v.maxTextLength()),
                new RecommendSettings(model, new MiniBatchPolicy(r.batchSize(), r.maxWait()),
                        new MiniBatchPolicy(r.answerBatchSize(), r.answerMaxWait()),
                        LearningSignal.defaults(), r.checkpointInterval(), sync(config, interactionPartitions),
                        workSharing),
                new SupportSettings(intent, new MiniBatchPolicy(i.batchSize(), i.maxWait()), i.messageRetention(),
                        i.modelPartitions(), i.checkpointInterval()));
    }

    /** With one partition of interactions there is a single model replica: nothing to share. */
    private static SyncSettings sync(StreamlearnConfig config, OptionalInt interactionPartitions) {
        StreamlearnConfig.Sync s = config.recommend().sync();
        boolean single = interactionPartitions.isPresent() && interactionPartitions.getAsInt() == 1;
        if (s.enabled()) {
            LOG.infof("parameter sync between recommendation tasks: %s (%s partitions of %s)", single ? "off" : "on",
                    interactionPartitions.isPresent() ? interactionPartitions.getAsInt() : "unknown",
                    config.topics().interactions());
        }
        return new SyncSettings(s.enabled() && !single, s.interval(), s.checkpointEvery(), s.retention());
    }
}
