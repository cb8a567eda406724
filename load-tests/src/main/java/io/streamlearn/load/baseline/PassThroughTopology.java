package io.streamlearn.load.baseline;

import java.io.IOException;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.streamlearn.load.generate.Workload;

/**
 * The reference point for throughput: the least work a Kafka Streams application can do with the
 * same contract — read the same JSON, parse it, write a prediction-shaped JSON of the same size —
 * with no model and no state. The service's sustained rate is reported as a share of this one's.
 */
public final class PassThroughTopology {

    private PassThroughTopology() {
    }

    public static Topology build(Workload workload, String inputTopic, String outputTopic) {
        ObjectMapper json = new ObjectMapper();
        PassThroughResult results = new PassThroughResult(json);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(inputTopic, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues(value -> answer(json, results, workload, value))
                .filter((key, value) -> value != null)
                .to(outputTopic, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    private static byte[] answer(ObjectMapper json, PassThroughResult results, Workload workload, byte[] value) {
        try {
            JsonNode event = json.readTree(value);
            return json.writeValueAsBytes(results.answer(workload, event, System.currentTimeMillis()));
        } catch (IOException e) {
            // The harness only sends valid JSON; anything else is not the baseline's concern.
            return null;
        }
    }
}
