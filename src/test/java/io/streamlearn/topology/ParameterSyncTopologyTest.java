package io.streamlearn.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.streamlearn.compute.WorkSharing;
import io.streamlearn.event.JsonSerde;
import io.streamlearn.event.Recommendation;
import io.streamlearn.event.ScoredItem;
import io.streamlearn.event.ValidationLimits;
import io.streamlearn.fixtures.DriverProperties;
import io.streamlearn.learn.MiniBatchPolicy;
import io.streamlearn.recommend.ItemDelta;
import io.streamlearn.recommend.ItemDeltaCodec;
import io.streamlearn.recommend.LearningSignal;
import io.streamlearn.recommend.RecommenderConfig;
import io.streamlearn.sync.DeltaFrame;
import io.streamlearn.sync.SyncSettings;

/** The sync path through the real topology: publications out to the sync topic, others' folded in from the archive. */
class ParameterSyncTopologyTest {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private static final int DIMENSION = 8;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> interactions;
    private TestInputTopic<String, byte[]> syncIn;
    private TestOutputTopic<String, byte[]> syncOut;
    private TestOutputTopic<String, Recommendation> recommendations;

    @BeforeEach
    void startDriver() {
        RecommendSettings recommend = new RecommendSettings(
                RecommenderConfig.builder().dimension(DIMENSION).negatives(4).topK(3).build(),
                new MiniBatchPolicy(4, Duration.ofSeconds(30)), new MiniBatchPolicy(1, Duration.ofMillis(100)),
                LearningSignal.defaults(), 1000, new SyncSettings(true, Duration.ofSeconds(1), 2, Duration.ofSeconds(5)),
                WorkSharing.CALLER_ONLY);
        TopologySettings settings = new TopologySettings(TOPICS, ValidationLimits.defaults(), recommend,
                SupportTopologyTest.settings(1).support());
        driver = new TopologyTestDriver(StreamlearnTopology.build(new StreamsBuilder(), settings, new ServingModels()),
                DriverProperties.exactlyOnce("sync-topology-test"));
        interactions = driver.createInputTopic(TOPICS.interactions(), new ByteArraySerializer(), new ByteArraySerializer());
        syncIn = driver.createInputTopic(TOPICS.modelSync(), new StringSerializer(), new ByteArraySerializer());
        syncOut = driver.createOutputTopic(TOPICS.modelSync(), new StringDeserializer(), new ByteArrayDeserializer());
        recommendations = driver.createOutputTopic(TOPICS.recommendations(), new StringDeserializer(),
                new JsonSerde<>(Recommendation.class));
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void publishesOwnIncrementsOncePerIntervalUnderTheTasksSource() {
        for (int i = 0; i < 4; i++) {
            pipe("u" + i, "item-" + i, "e" + i);
        }
        assertThat(syncOut.isEmpty()).as("nothing published before the interval").isTrue();

        driver.advanceWallClockTime(Duration.ofSeconds(1));
        List<TestRecord<String, byte[]>> published = syncOut.readRecordsToList();
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(published).isNotEmpty().allSatisfy(r -> assertThat(r.key()).isEqualTo("recommend/0"));
        DeltaFrame frame = DeltaFrame.decode(published.get(0).value());
        assertThat(frame.sequence()).isEqualTo(1);
        ItemDeltaCodec codec = new ItemDeltaCodec(DIMENSION);
        assertThat(frame.units()).extracting(unit -> codec.decode(ByteBuffer.wrap(unit)).itemId())
                .contains("item-0", "item-1", "item-2", "item-3");
        assertThat(syncOut.isEmpty()).as("no new learning, nothing more to publish").isTrue();
    }

    @Test
    void foldsInAnotherTasksPublicationAtTheNextInterval() {
        pipe("u1", "seen-here", "e1");
        float[] popular = new float[2];
        popular[0] = 8f;
        popular[1] = 4f;
        ItemDelta onlyElsewhere = new ItemDelta("learned-elsewhere", 1L, new float[2 * DIMENSION],
                new float[2 * DIMENSION], popular);
        DeltaFrame frame = DeltaFrame.split(1, List.of(new ItemDeltaCodec(DIMENSION).encode(onlyElsewhere))).get(0);
        syncIn.pipeInput("recommend/5", frame.encode());

        pipe("u2", "other", "e2");
        assertThat(topItems(recommendations.readValuesToList())).doesNotContain("learned-elsewhere");

        driver.advanceWallClockTime(Duration.ofSeconds(1));
        pipe("u3", "third", "e3");

        List<Recommendation> after = recommendations.readValuesToList();
        assertThat(after.get(after.size() - 1).recommendations()).extracting(ScoredItem::itemId)
                .first().isEqualTo("learned-elsewhere");
    }

    @Test
    void ignoresMalformedSyncRecordsAndKeepsServing() {
        syncIn.pipeInput("recommend/5", "not a frame".getBytes(StandardCharsets.UTF_8));
        syncIn.pipeInput("recommend/5", Arrays.copyOf(DeltaFrame.split(1, List.of(new byte[] {1, 2, 3})).get(0).encode(), 9));

        driver.advanceWallClockTime(Duration.ofSeconds(1));
        pipe("u1", "a", "e1");

        assertThat(recommendations.readValuesToList()).extracting(Recommendation::eventId).containsExactly("e1");
    }

    private static List<String> topItems(List<Recommendation> out) {
        return out.stream().flatMap(r -> r.recommendations().stream()).map(ScoredItem::itemId).toList();
    }

    private void pipe(String user, String item, String eventId) {
        interactions.pipeInput(user.getBytes(StandardCharsets.UTF_8), ("{\"userId\":\"" + user + "\",\"itemId\":\"" + item
                + "\",\"type\":\"click\",\"eventId\":\"" + eventId + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
