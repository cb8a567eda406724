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

    private static List<ProducerRecord<byte[], byte[]>> labelledMessages(String prefix) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        int i = 0;
        for (int round = 0; round < 3; round++) {
            for (Map.Entry<String, List<String>> intent : LABELLED.entrySet()) {
                for (String text : intent.getValue()) {
                    String id = prefix + "-" + i;
                    records.add(message("conv-" + (i % 7), id, text, intent.getKey(), T0 + i));
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
        try (RunningTopology running = RunningTopology.start(broker.bootstrapServers(), "it-feedback", stateDir(),
                SupportTopologyTest.settings(8));
                TopicClient.Reader predictions = kafka.reader("support-predictions");
                TopicClient.Reader deadLetters = kafka.reader("streamlearn-dlq")) {
            List<ProducerRecord<byte[], byte[]>> labelled = labelledMessages("fb");
            List<ProducerRecord<byte[], byte[]>> all = new ArrayList<>(labelled);
            List<String> refunds = List.of("I want my money back for this order", "please give me my money back",
                    "refund my money", "I would like a refund of my money");
            for (int r = 0; r < refunds.size(); r++) {
                all.add(message("conv-r" + r, "refund-" + r, refunds.get(r), null, T0 + 100 + r));
            }
            kafka.produce("support-messages", all);
            predictions.readUntil(r -> byMessageId(r, "").size() >= all.size(), Duration.ofSeconds(60));

            List<ProducerRecord<byte[], byte[]>> feedback = new ArrayList<>();
            for (int r = 0; r < refunds.size(); r++) {
                feedback.add(feedback("refund-" + r, "refund", T0 + 200 + r));
            }
            feedback.add(feedback("never-sent", "refund", T0 + 210));
            feedback.add(feedback("refund-1", "", T0 + 211));
            kafka.produce("support-feedback", feedback);
            List<ConsumerRecord<byte[], byte[]>> rejected = deadLetters.readUntil(r -> r.size() >= 2, Duration.ofSeconds(60));
            assertThat(rejected).extracting(r -> header(r, DeadLetterHeaders.REASON))
                    .containsExactlyInAnyOrder("unknown_message", "empty_id");

            // Feedback is joined asynchronously and learned with the next mini-batch: wait until it has been.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (running.models().intent().metrics().examplesLearned() < labelled.size() + refunds.size()
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            kafka.produce("support-messages", List.of(message("conv-new", "refund-new", "I want my money back", null, T0 + 300)));
            List<ConsumerRecord<byte[], byte[]>> answers = predictions.readUntil(
                    r -> byMessageId(r, "refund-new").size() == 1, Duration.ofSeconds(60));
            List<ConsumerRecord<byte[], byte[]>> settled = predictions.drainFor(Duration.ofSeconds(2));

            assertThat(settled).hasSize(all.size() + 1);
            assertThat(byMessageId(settled, "")).hasSize(all.size() + 1);
            ConsumerRecord<byte[], byte[]> refund = byMessageId(answers, "refund-new").get("refund-new");
            assertThat(new String(refund.key())).isEqualTo("conv-new");
            assertThat(json(refund).get("intent").asText()).isEqualTo("refund");
            assertThat(json(refund).get("alternatives")).isNotEmpty();
        }
    }

    @Test
    void restoresTheModelFromTheChangelogWhenLocalStateIsLost() throws Exception {
        Path firstState = stateDir();
        long versionBefore;
        List<String> intentsBefore;
        List<ProducerRecord<byte[], byte[]>> labelled = labelledMessages("rs");
        try (RunningTopology running = RunningTopology.start(broker.bootstrapServers(), "it-restore", firstState,
                SupportTopologyTest.settings(4));
                TopicClient.Reader predictions = kafka.reader("support-predictions")) {
            kafka.produce("support-messages", labelled);
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
                SupportTopologyTest.settings(4));
                TopicClient.Reader predictions = kafka.reader("support-predictions")) {
            var model = restarted.models().intent().forPartition(0).orElseThrow();
            assertThat(model.read(IntentClassifier::version)).isGreaterThanOrEqualTo(versionBefore);
            assertThat(model.read(IntentClassifier::intents)).isEqualTo(intentsBefore);

            kafka.produce("support-messages", List.of(message("conv-x", "rs-after", "reset my password please", null, T0 + 500)));
            List<ConsumerRecord<byte[], byte[]>> answers = predictions.readUntil(
                    r -> byMessageId(r, "rs-after").size() == 1, Duration.ofSeconds(60));
            ConsumerRecord<byte[], byte[]> after = byMessageId(answers, "rs-after").get("rs-after");
            assertThat(json(after).get("intent").asText()).isEqualTo("password");
            assertThat(json(after).get("modelVersion").asLong()).isGreaterThanOrEqualTo(versionBefore);
            assertThat(byMessageId(predictions.drainFor(Duration.ofSeconds(2)), "rs-")).hasSize(labelled.size() + 1);
        }
    }
}
