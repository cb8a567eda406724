package io.streamlearn.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.streamlearn.compute.WorkSharing;
import io.streamlearn.event.DeadLetterHeaders;
import io.streamlearn.event.JsonSerde;
import io.streamlearn.event.Recommendation;
import io.streamlearn.event.ValidationLimits;
import io.streamlearn.fixtures.DriverProperties;
import io.streamlearn.learn.MiniBatchPolicy;
import io.streamlearn.recommend.LearningSignal;
import io.streamlearn.recommend.RecommenderConfig;
import io.streamlearn.sync.SyncSettings;

class StreamlearnTopologyTest {

    private static final TopicNames TOPICS = TopicNames.defaults();
    /** A helper thread answers with the stream thread, as in the service. */
    private static final WorkSharing HELPERS = WorkSharing.withHelpers(1);
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> interactions;
    private TestOutputTopic<String, Recommendation> recommendations;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private ServingModels models;

    @BeforeEach
    void startDriver() {
        startDriver(1);
    }

    /** A driver whose processor learns every 4 interactions and answers groups of {@code answerGroup}. */
    private void startDriver(int answerGroup) {
        models = new ServingModels();
        RecommendSettings recommend = new RecommendSettings(
                RecommenderConfig.builder().dimension(8).negatives(4).topK(3).build(),
                new MiniBatchPolicy(4, Duration.ofSeconds(1)), new MiniBatchPolicy(answerGroup, Duration.ofMillis(100)),
                LearningSignal.defaults(), 3, SyncSettings.disabled(), HELPERS);
        TopologySettings settings = new TopologySettings(TOPICS, ValidationLimits.defaults(), recommend,
                SupportTopologyTest.settings(1).support());
        driver = new TopologyTestDriver(StreamlearnTopology.build(new StreamsBuilder(), settings, models),
                DriverProperties.exactlyOnce("topology-test"));
        interactions = driver.createInputTopic(TOPICS.interactions(), new ByteArraySerializer(), new ByteArraySerializer());
        recommendations = driver.createOutputTopic(TOPICS.recommendations(), new StringDeserializer(),
                new JsonSerde<>(Recommendation.class));
        deadLetters = driver.createOutputTopic(TOPICS.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void answersEveryValidInteractionOnceWhateverItsKey() {
        pipe("u1", interaction("u1", "a", "e1"));
        pipe(null, interaction("u2", "b", "e2"));
        pipe("someone-else", interaction("u1", "c", "e3"));

        List<Recommendation> out = recommendations.readValuesToList();

        assertThat(out).extracting(Recommendation::eventId).containsExactlyInAnyOrder("e1", "e2", "e3");
        assertThat(out).allSatisfy(r -> assertThat(r.producedAt()).isPositive());
    }

    @Test
    void sendsMalformedRecordsToDeadLettersWithReasonAndKeepsGoing() {
        pipe("u1", "{not json");
        pipe("u1", interaction("u1", "a", "ok-1"));
        pipe("u1", "{\"userId\":\"u1\",\"itemId\":\"a\",\"type\":\"like\"}");

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();

        assertThat(dead).hasSize(2);
        assertThat(header(dead.get(0), DeadLetterHeaders.REASON)).isEqualTo("malformed_json");
        assertThat(header(dead.get(1), DeadLetterHeaders.REASON)).isEqualTo("unknown_type");
        assertThat(header(dead.get(0), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(TOPICS.interactions());
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(recommendations.readValuesToList()).extracting(Recommendation::eventId).containsExactly("ok-1");
    }

    @Test
    void learnsInMiniBatchesAndAnswersBeforeLearning() {
        for (int i = 0; i < 4; i++) {
            pipe("u" + i, interaction("u" + i, "item-" + i, "e" + i));
        }
        pipe("u9", interaction("u9", "item-0", "e4"));

        List<Recommendation> out = recommendations.readValuesToList();

        assertThat(out.subList(0, 4)).allSatisfy(r -> assertThat(r.modelVersion()).isZero());
        assertThat(out.get(0).recommendations()).isEmpty();
        assertThat(out.get(4).modelVersion()).isEqualTo(1);
        assertThat(out.get(4).recommendations()).hasSize(3);
        assertThat(models.recommend().metrics().updates()).isEqualTo(1);
    }

    @Test
    void neverRecommendsItemsTheUserAlreadyInteractedWith() {
        for (int i = 0; i < 8; i++) {
            pipe("u" + (i % 2), interaction("u" + (i % 2), "item-" + i, "e" + i));
        }
        pipe("u0", interaction("u0", "item-1", "last"));

        Recommendation last = recommendations.readValuesToList().get(8);

        assertThat(last.recommendations()).extracting(s -> s.itemId())
                .doesNotContain("item-0", "item-2", "item-4", "item-6");
    }

    @Test
    void learnsAQuietStreamAfterTheMaximumWait() {
        pipe("u1", interaction("u1", "a", "e1"));
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        pipe("u1", interaction("u1", "b", "e2"));

        assertThat(recommendations.readValuesToList().get(1).modelVersion()).isEqualTo(1);
    }

    @Test
    void answersGroupsTogetherWithEachInteractionsOwnPastOnly() {
        closeDriver();
        startDriver(3);
        for (int i = 0; i < 4; i++) {
            pipe("u" + i, interaction("u" + i, "item-" + i, "warm-" + i));
        }
        pipe("u1", interaction("u1", "item-2", "first"));
        pipe("u1", interaction("u1", "item-3", "second"));
        assertThat(recommendations.readValuesToList()).hasSize(4);

        pipe("u1", interaction("u1", "item-0", "third"));
        List<Recommendation> group = recommendations.readValuesToList();

        assertThat(group).extracting(Recommendation::eventId).containsExactly("first", "second", "third");
        assertThat(group).allSatisfy(r -> assertThat(r.modelVersion()).isEqualTo(1));
        assertThat(group.get(0).recommendations()).extracting(s -> s.itemId())
                .contains("item-2", "item-3").doesNotContain("item-1");
        assertThat(group.get(1).recommendations()).extracting(s -> s.itemId())
                .contains("item-3").doesNotContain("item-1", "item-2");
    }

    @Test
    void answersAWaitingGroupAfterTheAnswerWait() {
        closeDriver();
        startDriver(3);
        pipe("u1", interaction("u1", "a", "e1"));
        assertThat(recommendations.readValuesToList()).isEmpty();

        driver.advanceWallClockTime(Duration.ofMillis(150));

        assertThat(recommendations.readValuesToList()).extracting(Recommendation::eventId).containsExactly("e1");
    }

    private void pipe(String key, String value) {
        interactions.pipeInput(key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    private static String interaction(String user, String item, String eventId) {
        return "{\"userId\":\"" + user + "\",\"itemId\":\"" + item + "\",\"type\":\"click\",\"eventId\":\"" + eventId + "\"}";
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
