package io.streamlearn.load.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.streamlearn.load.generate.InteractionGenerator;
import io.streamlearn.load.generate.InteractionProfile;
import io.streamlearn.load.generate.OutgoingEvent;
import io.streamlearn.load.generate.Workload;

class PassThroughTopologyTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void answersEachInteractionWithARecommendationShapedResultUnderTheSameKey() throws Exception {
        List<TestRecord<String, byte[]>> out = run(Workload.RECOMMENDATION, 100);
        assertThat(out).hasSize(100);
        for (int i = 0; i < out.size(); i++) {
            JsonNode result = json.readTree(out.get(i).value());
            assertThat(result.get("eventId").asText()).isEqualTo("e-" + i);
            assertThat(result.get("userId").asText()).isEqualTo(out.get(i).key());
            assertThat(result.fieldNames()).toIterable().containsExactly("eventId", "userId", "itemId", "score",
                    "recommendations", "modelVersion", "producedAt");
            assertThat(result.get("recommendations")).hasSize(10);
            assertThat(result.get("recommendations").get(0).fieldNames()).toIterable()
                    .containsExactly("itemId", "score");
        }
    }

    @Test
    void answersEachSupportMessageWithAPredictionShapedResult() throws Exception {
        try (TopologyTestDriver driver = driver(Workload.SUPPORT)) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(Workload.SUPPORT.baselineInputTopic(),
                    new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, byte[]> out = driver.createOutputTopic(Workload.SUPPORT.baselineOutputTopic(),
                    new StringDeserializer(), new ByteArrayDeserializer());
            in.pipeInput("c1", bytes("{\"messageId\":\"m1\",\"conversationId\":\"c1\",\"text\":\"hi\"}"));
            JsonNode result = json.readTree(out.readValue());
            assertThat(result.get("messageId").asText()).isEqualTo("m1");
            assertThat(result.get("conversationId").asText()).isEqualTo("c1");
            assertThat(result.get("alternatives")).hasSize(PassThroughResult.ALTERNATIVES);
            assertThat(result.has("intent") && result.has("confidence") && result.has("modelVersion")).isTrue();
        }
    }

    @Test
    void dropsInputThatIsNotJsonInsteadOfStopping() {
        try (TopologyTestDriver driver = driver(Workload.RECOMMENDATION)) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(Workload.RECOMMENDATION.baselineInputTopic(),
                    new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, byte[]> out = driver.createOutputTopic(
                    Workload.RECOMMENDATION.baselineOutputTopic(), new StringDeserializer(),
                    new ByteArrayDeserializer());
            in.pipeInput("u1", bytes("{oops"));
            in.pipeInput("u1", bytes("{\"eventId\":\"e\",\"userId\":\"u1\",\"itemId\":\"i1\",\"type\":\"view\"}"));
            assertThat(out.readValuesToList()).hasSize(1);
        }
    }

    private List<TestRecord<String, byte[]>> run(Workload workload, int events) {
        InteractionGenerator generator = new InteractionGenerator(InteractionProfile.sized(100, 100), 1);
        try (TopologyTestDriver driver = driver(workload)) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(workload.baselineInputTopic(),
                    new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, byte[]> out = driver.createOutputTopic(workload.baselineOutputTopic(),
                    new StringDeserializer(), new ByteArrayDeserializer());
            for (int i = 0; i < events; i++) {
                OutgoingEvent event = generator.next("e-" + i, i);
                in.pipeInput(event.key(), event.value());
            }
            return out.readRecordsToList();
        }
    }

    private static TopologyTestDriver driver(Workload workload) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pass-through-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(
                PassThroughTopology.build(workload, workload.baselineInputTopic(), workload.baselineOutputTopic()),
                props);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
