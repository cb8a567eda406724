package io.streamlearn.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.streamlearn.checkpoint.CheckpointStore;
import io.streamlearn.compute.WorkSharing;
import io.streamlearn.event.DeadLetterHeaders;
import io.streamlearn.event.JsonSerde;
import io.streamlearn.event.SupportPrediction;
import io.streamlearn.event.ValidationLimits;
import io.streamlearn.intent.IntentConfig;
import io.streamlearn.learn.MiniBatchPolicy;
import io.streamlearn.recommend.LearningSignal;
import io.streamlearn.recommend.RecommenderConfig;
import io.streamlearn.sync.SyncSettings;

class SupportTopologyTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private TopologyTestDriver driver;
    private ServingModels models;
    private TestInputTopic<String, byte[]> messages;
    private TestInputTopic<String, byte[]> feedback;
    private TestOutputTopic<String, SupportPrediction> predictions;
    private TestOutputTopic<String, byte[]> deadLetters;

    static TopologySettings settings(int batchSize) {
        IntentConfig intent = IntentConfig.builder().buckets(1 << 12).dimension(16).rehearsalCapacity(256)
                .rehearsalRatio(2).stepSize(2).learningRate(0.5f).featureChunkRows(16)
                .imprintScale(1.0).build();
        return new TopologySettings(TopicNames.defaults(), ValidationLimits.defaults(),
                new RecommendSettings(RecommenderConfig.builder().dimension(8).build(),
                        new MiniBatchPolicy(8, Duration.ofSeconds(1)), new MiniBatchPolicy(1, Duration.ofMillis(10)),
                        LearningSignal.defaults(), 1, SyncSettings.disabled(), WorkSharing.CALLER_ONLY),
                new SupportSettings(intent, new MiniBatchPolicy(batchSize, Duration.ofSeconds(1)), Duration.ofDays(7), 1, 1));
    }

    @BeforeEach
    void start() {
        models = new ServingModels();
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "support-topology-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG,
                Path.of("target", "ttd-state", UUID.randomUUID().toString()).toString());
        driver = new TopologyTestDriver(StreamlearnTopology.build(new StreamsBuilder(), settings(1), models),
                properties, START);
        messages = driver.createInputTopic("support-messages", new StringSerializer(), new ByteArraySerializer());
        feedback = driver.createInputTopic("support-feedback", new StringSerializer(), new ByteArraySerializer());
        predictions = driver.createOutputTopic("support-predictions", new StringDeserializer(),
                new JsonSerde<>(SupportPrediction.class));
        deadLetters = driver.createOutputTopic("streamlearn-dlq", new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void message(String key, String json, Instant at) {
        messages.pipeInput(new TestRecord<>(key, json.getBytes(StandardCharsets.UTF_8), at));
    }

    private void feedback(String messageId, String json, Instant at) {
        feedback.pipeInput(new TestRecord<>(messageId, json.getBytes(StandardCharsets.UTF_8), at));
    }

    private static String reason(TestRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(DeadLetterHeaders.REASON);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void answersEveryValidMessageOnceKeyedByItsConversation() {
        message("c1", "{\"messageId\":\"m1\",\"conversationId\":\"c1\",\"text\":\"where is my parcel\",\"intent\":\"shipping\"}", START);
        message("m2", "{\"messageId\":\"m2\",\"text\":\"I forgot my password\"}", START);

        List<TestRecord<String, SupportPrediction>> out = predictions.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactly("c1", "m2");
        assertThat(out.get(0).value().messageId()).isEqualTo("m1");
        assertThat(out.get(0).value().conversationId()).isEqualTo("c1");
        // Predicted before its label was learned: nothing was known yet.
        assertThat(out.get(0).value().intent()).isEqualTo(IntentConfig.UNKNOWN);
        assertThat(out.get(1).value().modelVersion()).isEqualTo(1);
        assertThat(out.get(1).value().intent()).isEqualTo("shipping");
    }

    @Test
    void rejectsInvalidMessagesToTheDeadLetterTopic() {
        message("c1", "{\"messageId\":\"m1\",\"text\":\"   \"}", START);
        message("c1", "{\"messageId\":\"m2\",\"text\":\"" + "a".repeat(10_001) + "\"}", START);
        message("c1", "{\"messageId\":\"m3\",\"text\":\"hi\",\"intent\":\"\"}", START);
        message("c1", "{\"text\":\"hi\"}", START);

        assertThat(predictions.isEmpty()).isTrue();
        assertThat(deadLetters.readRecordsToList()).extracting(SupportTopologyTest::reason)
                .containsExactly("empty_text", "text_too_long", "empty_id", "missing_field");
    }

    @Test
    void learnsFromFeedbackJoinedToTheEarlierMessage() {
        message("c1", "{\"messageId\":\"s1\",\"text\":\"where is my parcel\",\"intent\":\"shipping\"}", START);
        message("c1", "{\"messageId\":\"s2\",\"text\":\"track my delivery\",\"intent\":\"shipping\"}", START);
        message("c1", "{\"messageId\":\"s3\",\"text\":\"my package is late\",\"intent\":\"shipping\"}", START);
        message("c2", "{\"messageId\":\"m1\",\"text\":\"I want my money back for this order\"}", START);
        message("c2", "{\"messageId\":\"m2\",\"text\":\"please give me my money back\"}", START);
        assertThat(predictions.readRecordsToList()).extracting(r -> r.value().intent()).doesNotContain("refund");

        feedback("m1", "{\"messageId\":\"m1\",\"intent\":\"refund\"}", START.plusSeconds(60));
        feedback("m2", "{\"messageId\":\"m2\",\"intent\":\"refund\"}", START.plusSeconds(60));
        message("c3", "{\"messageId\":\"m3\",\"text\":\"I want my money back\"}", START.plusSeconds(120));

        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(predictions.readValue().intent()).isEqualTo("refund");
        assertThat(models.intentQuality().labelled()).isEqualTo(5);
        List<String> intents = models.intent().forPartition(0).orElseThrow().read(m -> m.intents());
        assertThat(intents).containsExactly("shipping", "refund");
    }

    @Test
    void deadLettersFeedbackForUnknownOrExpiredMessagesAndEmptyIntents() {
        message("c1", "{\"messageId\":\"m1\",\"text\":\"where is my parcel\"}", START);
        feedback("nope", "{\"messageId\":\"nope\",\"intent\":\"shipping\"}", START.plusSeconds(1));
        feedback("m1", "{\"messageId\":\"m1\",\"intent\":\"\"}", START.plusSeconds(2));
        feedback("m1", "{\"messageId\":\"m1\",\"intent\":\"shipping\"}", START.plus(Duration.ofDays(8)));
        // Long after the marker is gone too, the message is simply unknown.
        message("c9", "{\"messageId\":\"m9\",\"text\":\"tick\"}", START.plus(Duration.ofDays(30)));
        feedback("m1", "{\"messageId\":\"m1\",\"intent\":\"shipping\"}", START.plus(Duration.ofDays(30)));

        List<TestRecord<String, byte[]>> rejected = deadLetters.readRecordsToList();
        assertThat(rejected).extracting(SupportTopologyTest::reason)
                .containsExactly("unknown_message", "empty_id", "expired_message", "unknown_message");
        TestRecord<String, byte[]> expired = rejected.get(2);
        assertThat(expired.key()).isEqualTo("m1");
        assertThat(new String(expired.headers().lastHeader(DeadLetterHeaders.SOURCE_TOPIC).value(), StandardCharsets.UTF_8))
                .isEqualTo("support-feedback");
        assertThat(models.intentQuality().labelled()).isZero();
    }

    @Test
    void expiryDropsTheTextButRemembersTheMessageForAWhile() {
        message("c1", "{\"messageId\":\"m1\",\"text\":\"where is my parcel\"}", START);
        message("c2", "{\"messageId\":\"m2\",\"text\":\"later message\"}", START.plus(Duration.ofDays(7)).plusSeconds(120));

        ArchivedMessage kept = driver.<String, ArchivedMessage>getKeyValueStore(StoreNames.INTENT_MESSAGES).get("m1");
        assertThat(kept.isExpired()).isTrue();
        assertThat(kept.text()).isNull();
    }

    @Test
    void deadLettersARepeatedMessageIdInsteadOfAnsweringTwice() {
        message("c1", "{\"messageId\":\"m1\",\"text\":\"where is my parcel\"}", START);
        message("c1", "{\"messageId\":\"m1\",\"text\":\"where is my parcel\"}", START);

        assertThat(predictions.readRecordsToList()).hasSize(1);
        assertThat(deadLetters.readRecordsToList()).extracting(SupportTopologyTest::reason)
                .containsExactly("duplicate_message");
    }

    @Test
    void checkpointsTheModelAsSmallRowsInItsStore() {
        message("c1", "{\"messageId\":\"m1\",\"text\":\"where is my parcel\",\"intent\":\"shipping\"}", START);
        var rows = new CheckpointStore(driver.<String, byte[]>getKeyValueStore(StoreNames.INTENT_MODEL));
        assertThat(rows.readCheckpointed("meta/version")).isPresent();
        assertThat(rows.readCheckpointed("intent/00000")).isPresent();
        assertThat(rows.readCheckpointed("rehearsal/000000")).isPresent();
        assertThat(driver.getKeyValueStore(StoreNames.INTENT_JOURNAL).approximateNumEntries()).isZero();
    }
}
