package io.streamlearn.topology;

import static io.streamlearn.fixtures.SupportRecords.feedback;
import static io.streamlearn.fixtures.SupportRecords.header;
import static io.streamlearn.fixtures.SupportRecords.json;
import static io.streamlearn.fixtures.SupportRecords.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.streamlearn.event.DeadLetterHeaders;
import io.streamlearn.fixtures.RunningTopology;
import io.streamlearn.fixtures.TestBroker;
import io.streamlearn.fixtures.TopicClient;
import io.streamlearn.intent.IntentClassifier;

/** The support pipeline on a real broker (TCP), exactly once, RocksDB state under target/. */
class SupportPipelineIT {

    private static final long T0 = 1_700_000_000_000L;
    private static final Map<String, List<String>> LABELLED = Map.of(
            "shipping", List.of("where is my parcel", "track my delivery", "my package is late",
                    "when will my order arrive", "the courier has not delivered my parcel", "delivery status please"),
            "password", List.of("I forgot my password", "reset my password", "cannot log in with my password",
                    "change my login password", "my password does not work", "how do I recover my password"));

    private static TestBroker broker;
    private static TopicClient kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = TestBroker.start(Path.of("target", "it-broker-" + UUID.randomUUID()));
        kafka = new TopicClient(broker.bootstrapServers());
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    private static Path stateDir() {
        return Path.of("target", "it-state", UUID.randomUUID().toString());
    }

    private static TopologySettings settingsWith(TopicNames topics, int batchSize) {
        TopologySettings defaults = SupportTopologyTest.settings(batchSize);
        return new TopologySettings(topics, defaults.limits(), defaults.recommend(), defaults.support());
    }

    private static List<ProducerRecord<byte[], byte[]>> labelledMessages(TopicNames topics, String prefix) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        int i = 0;
        for (int round = 0; round < 3; round++) {
            for (Map.Entry<String, List<String>> intent : LABELLED.entrySet()) {
                for (String text : intent.getValue()) {
                    String id = prefix + "-" + i;
                    records.add(message(topics.supportMessages(), "conv-" + (i % 7), id, text, intent.getKey(), T0 + i));
                    i++;
                }
            }
        }
        return records;
    }

    private static Map<String, ConsumerRecord<byte[], byte[]>> byMessageId(List<ConsumerRecord<byte[], byte[]>> all,
            String prefix) {
        return all.stream().filter(r -> json(r).get("messageId").asText().startsWith(prefix))
                .collect(Collectors.toMap(r -> json(r).get("messageId").asText(), Function.identity()));
    }

    @Test
    void answersEachMessageOnceLearnsFromFeedbackAndDeadLettersBadFeedback() throws Exception {
        TopicNames topics = broker.topicsFor("feedback-");
        try (RunningTopology running = RunningTopology.start(broker.bootstrapServers(), "it-feedback", stateDir(),
                settingsWith(topics, 8));
                TopicClient.Reader predictions = kafka.reader(topics.supportPredictions());
                TopicClient.Reader deadLetters = kafka.reader(topics.deadLetters())) {
            List<ProducerRecord<byte[], byte[]>> labelled = labelledMessages(topics, "fb");
            List<ProducerRecord<byte[], byte[]>> all = new ArrayList<>(labelled);
            List<String> refunds = List.of("I want my money back for this order", "please give me my money back",
                    "refund my money", "I would like a refund of my money", "can I get my money back",
                    "money back please", "I want a refund", "return my money to my card");
            for (int r = 0; r < refunds.size(); r++) {
                all.add(message(topics.supportMessages(), "conv-r" + r, "refund-" + r, refunds.get(r), null, T0 + 100 + r));
            }
            kafka.produce(topics.supportMessages(), all);
            predictions.readUntil(r -> byMessageId(r, "").size() >= all.size(), Duration.ofSeconds(60));

            List<ProducerRecord<byte[], byte[]>> feedback = new ArrayList<>();
            for (int r = 0; r < refunds.size(); r++) {
                feedback.add(feedback(topics.supportFeedback(), "refund-" + r, "refund", T0 + 200 + r));
            }
            feedback.add(feedback(topics.supportFeedback(), "never-sent", "refund", T0 + 210));
            feedback.add(feedback(topics.supportFeedback(), "refund-1", "", T0 + 211));
            kafka.produce(topics.supportFeedback(), feedback);
            List<ConsumerRecord<byte[], byte[]>> rejected = deadLetters.readUntil(r -> r.size() >= 2, Duration.ofSeconds(60));
            assertThat(rejected).extracting(r -> header(r, DeadLetterHeaders.REASON))
                    .containsExactlyInAnyOrder("unknown_message", "empty_id");

            // Feedback is joined asynchronously and learned with the next mini-batch: wait until it has been.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (running.models().intent().metrics().examplesLearned() < labelled.size() + refunds.size()
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            kafka.produce(topics.supportMessages(), List.of(
                    message(topics.supportMessages(), "conv-new", "refund-new", "I want my money back", null, T0 + 300),
                    message(topics.supportMessages(), "conv-other", "other-new", "reset my password", null, T0 + 301)));
            List<ConsumerRecord<byte[], byte[]>> answers = predictions.readUntil(
                    r -> byMessageId(r, "refund-new").size() == 1 && byMessageId(r, "other-new").size() == 1,
                    Duration.ofSeconds(60));
            List<ConsumerRecord<byte[], byte[]>> settled = predictions.drainFor(Duration.ofSeconds(2));

            assertThat(settled).hasSize(all.size() + 2);
            assertThat(byMessageId(settled, "")).hasSize(all.size() + 2);
            ConsumerRecord<byte[], byte[]> similar = byMessageId(answers, "refund-new").get("refund-new");
            ConsumerRecord<byte[], byte[]> unrelated = byMessageId(answers, "other-new").get("other-new");
            assertThat(new String(similar.key())).isEqualTo("conv-new");
            // The intent exists only through feedback: before it, these texts could not be answered "refund";
            // after it, a message like them is, and an unrelated one is not.
            for (int r = 0; r < refunds.size(); r++) {
                assertThat(json(byMessageId(settled, "refund-" + r).get("refund-" + r)).get("intent").asText())
                        .isNotEqualTo("refund");
            }
            // One mini-batch of feedback is not yet enough to outweigh intents learned three times over,
            // but it already puts the new intent far above the unrelated one for a similar message.
            assertThat(confidenceOf(similar, "refund")).as(json(similar).toString())
                    .isGreaterThan(confidenceOf(similar, "password") + 0.2);
            assertThat(confidenceOf(similar, "refund")).isGreaterThan(confidenceOf(unrelated, "refund") + 0.2);
            assertThat(json(unrelated).get("intent").asText()).isEqualTo("password");
        }
    }

    private static double confidenceOf(ConsumerRecord<byte[], byte[]> prediction, String intent) {
        var answer = json(prediction);
        if (answer.get("intent").asText().equals(intent)) {
            return answer.get("confidence").asDouble();
        }
        for (var alternative : answer.get("alternatives")) {
            if (alternative.get("intent").asText().equals(intent)) {
                return alternative.get("confidence").asDouble();
            }
        }
        return 0;
    }

    @Test
    void restoresTheModelFromTheChangelogWhenLocalStateIsLost() throws Exception {
        TopicNames topics = broker.topicsFor("restore-");
        long versionBefore;
        List<String> intentsBefore;
        List<ProducerRecord<byte[], byte[]>> labelled = labelledMessages(topics, "rs");
        try (RunningTopology running = RunningTopology.start(broker.bootstrapServers(), "it-restore", stateDir(),
                settingsWith(topics, 4));
                TopicClient.Reader predictions = kafka.reader(topics.supportPredictions())) {
            kafka.produce(topics.supportMessages(), labelled);
            predictions.readUntil(r -> byMessageId(r, "rs-").size() >= labelled.size(), Duration.ofSeconds(60));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (running.models().intent().metrics().examplesLearned() < labelled.size() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            versionBefore = running.models().intent().forPartition(0).orElseThrow().read(IntentClassifier::version);
            intentsBefore = running.models().intent().forPartition(0).orElseThrow().read(IntentClassifier::intents);
        }

        // A fresh state directory: everything must come back from the changelog topics.
        try (RunningTopology restarted = RunningTopology.start(broker.bootstrapServers(), "it-restore", stateDir(),
                settingsWith(topics, 4));
                TopicClient.Reader predictions = kafka.reader(topics.supportPredictions())) {
            var model = restarted.models().intent().forPartition(0).orElseThrow();
            assertThat(model.read(IntentClassifier::version)).isEqualTo(versionBefore);
            assertThat(model.read(IntentClassifier::intents)).isEqualTo(intentsBefore);

            kafka.produce(topics.supportMessages(), List.of(message(topics.supportMessages(), "conv-x", "rs-after", "reset my password please", null, T0 + 500)));
            List<ConsumerRecord<byte[], byte[]>> answers = predictions.readUntil(
                    r -> byMessageId(r, "rs-after").size() == 1, Duration.ofSeconds(60));
            ConsumerRecord<byte[], byte[]> after = byMessageId(answers, "rs-after").get("rs-after");
            assertThat(json(after).get("intent").asText()).isEqualTo("password");
            assertThat(json(after).get("modelVersion").asLong()).isEqualTo(versionBefore);
            assertThat(byMessageId(predictions.drainFor(Duration.ofSeconds(2)), "rs-")).hasSize(labelled.size() + 1);
        }
    }
}
