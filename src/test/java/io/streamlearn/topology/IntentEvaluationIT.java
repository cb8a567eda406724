package io.streamlearn.topology;

import static io.streamlearn.fixtures.SupportRecords.json;
import static io.streamlearn.fixtures.SupportRecords.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.streamlearn.checkpoint.StateRow;
import io.streamlearn.fixtures.IntentDatasets;
import io.streamlearn.fixtures.IntentDatasets.Labelled;
import io.streamlearn.fixtures.RunningTopology;
import io.streamlearn.fixtures.TestBroker;
import io.streamlearn.fixtures.TopicClient;
import io.streamlearn.intent.IntentClassifier;
import io.streamlearn.intent.IntentConfig;
import io.streamlearn.learn.MiniBatchPolicy;

/**
 * The evaluation command: streams a dataset through the real pipeline on a real broker — the
 * training split as labelled messages, then the test split (and CLINC150's out-of-scope test
 * messages) without labels — and scores the predictions read back from {@code support-predictions}.
 *
 * <pre>  ./mvnw verify -Dit.test=IntentEvaluationIT -Dstreamlearn.eval=clinc150   (or bitext, banking77)</pre>
 *
 * Skipped without {@code streamlearn.eval}. For CLINC150 it checks the targets.
 */
class IntentEvaluationIT {

    private static final long T0 = 1_700_000_000_000L;

    @Test
    void streamsADatasetThroughThePipelineAndScoresItsPredictions() throws Exception {
        String dataset = System.getProperty("streamlearn.eval");
        Assumptions.assumeTrue(dataset != null, "SKIPPED: evaluation runs only with -Dstreamlearn.eval=clinc150|bitext|banking77");
        IntentDatasets.Split split = switch (dataset) {
            case "clinc150" -> IntentDatasets.clinc150();
            case "bitext" -> IntentDatasets.bitext();
            case "banking77" -> IntentDatasets.banking77();
            default -> throw new IllegalArgumentException("unknown dataset " + dataset);
        };
        TopologySettings defaults = SupportTopologyTest.settings(1);
        TopologySettings settings = new TopologySettings(defaults.topics(), defaults.limits(), defaults.recommend(),
                new SupportSettings(IntentConfig.builder().build(), new MiniBatchPolicy(32, Duration.ofMillis(200)),
                        Duration.ofDays(7), 1, 50));

        try (TestBroker broker = TestBroker.start(Path.of("target", "eval-broker-" + UUID.randomUUID()));
                RunningTopology running = RunningTopology.start(broker.bootstrapServers(), "eval-" + dataset,
                        Path.of("target", "eval-state", UUID.randomUUID().toString()), settings);
                TopicClient.Reader predictions = new TopicClient(broker.bootstrapServers()).reader("support-predictions")) {
            TopicClient kafka = new TopicClient(broker.bootstrapServers());
            List<ProducerRecord<byte[], byte[]>> train = new ArrayList<>();
            for (int i = 0; i < split.train().size(); i++) {
                Labelled m = split.train().get(i);
                train.add(message("train-" + i, "train-" + i, m.text(), m.intent(), T0 + i));
            }
            long start = System.nanoTime();
            kafka.produce("support-messages", train);
            predictions.readUntil(r -> r.size() >= train.size(), Duration.ofMinutes(20));
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (running.models().intent().metrics().examplesLearned() < train.size() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            List<ProducerRecord<byte[], byte[]>> test = new ArrayList<>();
            Map<String, String> truth = new HashMap<>();
            List<Labelled> unlabelled = new ArrayList<>(split.test());
            unlabelled.addAll(split.outOfScope());
            for (int i = 0; i < unlabelled.size(); i++) {
                String id = "test-" + i;
                truth.put(id, unlabelled.get(i).intent());
                test.add(message(id, id, unlabelled.get(i).text(), null, T0 + train.size() + i));
            }
            kafka.produce("support-messages", test);
            int expected = train.size() + test.size();
            predictions.readUntil(r -> r.size() >= expected, Duration.ofMinutes(10));
            List<ConsumerRecord<byte[], byte[]>> all = predictions.drainFor(Duration.ofSeconds(3));

            Map<String, String> answered = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : all) {
                answered.merge(json(record).get("messageId").asText(), json(record).get("intent").asText(),
                        (a, b) -> { throw new AssertionError("two predictions for one message"); });
            }
            assertThat(all).hasSize(expected);
            Scores scores = Scores.of(truth, answered);
            var model = running.models().intent().forPartition(0).orElseThrow();
            long checkpointBytes = model.read(m -> m.snapshot().stream().mapToLong(IntentEvaluationIT::size).sum());
            System.out.printf("EVAL %s: %d train at %.0f msg/s end to end; in-scope accuracy %.4f, macro-F1 %.4f, "
                    + "OOS recall %s, threshold %.3f, %d intents, checkpoint %.1f MB%n", dataset, train.size(),
                    train.size() / trainSeconds, scores.accuracy(), scores.macroF1(),
                    Double.isNaN(scores.outOfScopeRecall()) ? "n/a" : String.format("%.4f", scores.outOfScopeRecall()),
                    model.read(IntentClassifier::threshold), model.read(IntentClassifier::intents).size(),
                    checkpointBytes / 1e6);
            if (dataset.equals("clinc150")) {
                assertThat(scores.accuracy()).isGreaterThanOrEqualTo(0.90);
                assertThat(scores.outOfScopeRecall()).isGreaterThanOrEqualTo(0.40);
            }
        }
    }

    private static long size(StateRow row) {
        return row.key().length() + (row.value() == null ? 0 : row.value().length);
    }

    /** In-scope accuracy and macro-F1 over the labelled test messages, OOS recall over CLINC's "oos" ones. */
    record Scores(double accuracy, double macroF1, double outOfScopeRecall) {

        static Scores of(Map<String, String> truth, Map<String, String> answered) {
            int inScope = 0;
            int correct = 0;
            int outOfScope = 0;
            int rejected = 0;
            Map<String, int[]> counts = new HashMap<>();
            for (Map.Entry<String, String> entry : truth.entrySet()) {
                String label = entry.getValue();
                String answer = answered.get(entry.getKey());
                if (label.equals(IntentDatasets.OOS)) {
                    outOfScope++;
                    rejected += IntentConfig.UNKNOWN.equals(answer) ? 1 : 0;
                    continue;
                }
                inScope++;
                int[] truthCounts = counts.computeIfAbsent(label, l -> new int[3]);
                if (label.equals(answer)) {
                    correct++;
                    truthCounts[0]++;
                } else {
                    truthCounts[2]++;
                    if (!IntentConfig.UNKNOWN.equals(answer)) {
                        counts.computeIfAbsent(answer, l -> new int[3])[1]++;
                    }
                }
            }
            double f1 = counts.values().stream().filter(c -> c[0] + c[2] > 0)
                    .mapToDouble(c -> 2.0 * c[0] / (2 * c[0] + c[1] + c[2])).average().orElse(0);
            return new Scores((double) correct / inScope, f1,
                    outOfScope == 0 ? Double.NaN : (double) rejected / outOfScope);
        }
    }
}
