package io.streamlearn.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.streamlearn.fixtures.IntentDatasets;
import io.streamlearn.fixtures.MalformedRecords;
import io.streamlearn.fixtures.MovieLensRatings;
import io.streamlearn.fixtures.ServiceHitRate;
import io.streamlearn.fixtures.ServiceProcess;
import io.streamlearn.fixtures.SharedData;
import io.streamlearn.fixtures.SupportRecords;
import io.streamlearn.fixtures.TopicClient;

/**
 * The product as a user meets it: the packaged service on its embedded broker, 20,000 MovieLens
 * ratings and 1,000 malformed records plus 4,000 labelled CLINC150 support messages, a SIGKILL of
 * service and broker mid-stream, the local state directory deleted, a restart.
 */
class EmbeddedDefaultRecoveryIT {

    private static final int EVENTS = 20_000;
    private static final int MALFORMED = 1_000;
    private static final int SUPPORT_MESSAGES = 4_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void answersEveryEventExactlyOnceAcrossKillAndStateLossAndBeatsPopularity() throws Exception {
        List<MovieLensRatings.Rating> ratings = MovieLensRatings.inTimeOrder(
                SharedData.require("movielens-latest-small/ratings.csv"), EVENTS);
        List<IntentDatasets.Labelled> support = IntentDatasets.clinc150().train().subList(0, SUPPORT_MESSAGES);
        Path workDir = Path.of("target", "it-embedded-" + System.nanoTime()).toAbsolutePath();
        int brokerPort = ServiceProcess.freePortPair();
        String bootstrap = "localhost:" + brokerPort;
        Map<String, String> env = TopicClient.env("STREAMLEARN_EMBEDDED_BROKER_PORT", Integer.toString(brokerPort),
                "STREAMLEARN_INSTANCE_ID", "it-embedded");
        TopicClient kafka = new TopicClient(bootstrap);

        long versionBeforeKill;
        long intentVersionBeforeKill;
        Set<String> answeredBeforeKill = new HashSet<>();
        Set<String> supportAnsweredBeforeKill = new HashSet<>();
        try (ServiceProcess service = new ServiceProcess(workDir, env)) {
            service.start();
            service.awaitReady(Duration.ofSeconds(120));
            kafka.produce("interactions", mixedStream(ratings));
            try (TopicClient.Reader reader = kafka.reader("recommendations")) {
                List<ConsumerRecord<byte[], byte[]>> early = reader.readUntil(r -> r.size() >= EVENTS / 3, Duration.ofSeconds(180));
                assertThat(early.size()).as("answers before the kill").isGreaterThanOrEqualTo(EVENTS / 3);
                versionBeforeKill = early.stream().mapToLong(r -> field(r, "modelVersion").asLong()).max().orElseThrow();
                early.forEach(r -> answeredBeforeKill.add(field(r, "eventId").asText()));
            }
            // Produced only now, so that the kill also lands in the middle of the support stream.
            kafka.produce("support-messages", supportStream(support));
            try (TopicClient.Reader supportReader = kafka.reader("support-predictions")) {
                List<ConsumerRecord<byte[], byte[]>> early = supportReader.readUntil(r -> r.size() >= SUPPORT_MESSAGES / 4,
                        Duration.ofSeconds(120));
                intentVersionBeforeKill = early.stream().mapToLong(r -> field(r, "modelVersion").asLong()).max().orElseThrow();
                early.forEach(r -> supportAnsweredBeforeKill.add(field(r, "messageId").asText()));
                System.out.printf("support messages answered before the kill: %d of %d%n", early.size(), SUPPORT_MESSAGES);
            }
            service.kill();
        }
        deleteRecursively(workDir.resolve("data/state"));

        try (ServiceProcess restarted = new ServiceProcess(workDir, env)) {
            long restartedAt = System.nanoTime();
            restarted.start();
            restarted.awaitReady(Duration.ofSeconds(180));
            try (TopicClient.Reader reader = kafka.reader("recommendations")) {
                reader.readUntil(r -> r.size() > answeredBeforeKill.size(), Duration.ofSeconds(120));
                System.out.printf("restart to first new prediction: %.1f s%n", (System.nanoTime() - restartedAt) / 1e9);
                reader.readUntil(r -> r.size() >= EVENTS, Duration.ofSeconds(300));
                List<ConsumerRecord<byte[], byte[]>> all = reader.drainFor(Duration.ofSeconds(3));

                assertExactlyOneAnswerPerEvent(all);
                assertModelVersionContinues(all, answeredBeforeKill, versionBeforeKill);
                assertBeatsPopularity(ratings, all);
            }
            try (TopicClient.Reader supportReader = kafka.reader("support-predictions")) {
                supportReader.readUntil(r -> r.size() >= SUPPORT_MESSAGES, Duration.ofSeconds(300));
                List<ConsumerRecord<byte[], byte[]>> all = supportReader.drainFor(Duration.ofSeconds(3));
                assertExactlyOnePredictionPerMessage(all);
                if (supportAnsweredBeforeKill.size() < SUPPORT_MESSAGES) {
                    assertThat(firstVersionAfter(all, "messageId", supportAnsweredBeforeKill))
                            .as("intent model version after restart").isGreaterThanOrEqualTo(intentVersionBeforeKill);
                }
            }
            try (TopicClient.Reader deadLetters = kafka.reader("streamlearn-dlq")) {
                List<ConsumerRecord<byte[], byte[]>> dead = deadLetters.readUntil(r -> r.size() >= MALFORMED, Duration.ofSeconds(60));
                assertThat(deadLetters.drainFor(Duration.ofSeconds(2))).hasSize(MALFORMED);
                assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader("dlq.reason")).isNotNull());
            }
            assertThat(restarted.get("/api/models/recommend").body()).contains("\"modelVersion\"");
            assertRestAnswersExcludeWhatTheUserSaw(restarted, ratings);
        }
    }

    /** The most active user's top-K over REST, read from the stores restored after the state loss: nothing they rated. */
    private static void assertRestAnswersExcludeWhatTheUserSaw(ServiceProcess service, List<MovieLensRatings.Rating> ratings)
            throws Exception {
        Map<String, Set<String>> rated = new HashMap<>();
        ratings.forEach(r -> rated.computeIfAbsent(r.userId(), u -> new HashSet<>()).add(r.itemId()));
        String user = rated.entrySet().stream().max(Map.Entry.comparingByValue(
                Comparator.comparingInt(Set::size))).orElseThrow().getKey();
        var response = service.get("/api/recommendations/" + user);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode top = JSON.readTree(response.body()).get("recommendations");
        assertThat(top).hasSize(10);
        top.forEach(item -> assertThat(rated.get(user)).doesNotContain(item.get("itemId").asText()));
    }

    private static List<ProducerRecord<byte[], byte[]>> mixedStream(List<MovieLensRatings.Rating> ratings) {
        List<byte[]> malformed = MalformedRecords.interactions(MALFORMED, 7);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        int every = ratings.size() / MALFORMED;
        for (int i = 0; i < ratings.size(); i++) {
            MovieLensRatings.Rating r = ratings.get(i);
            String value = String.format(java.util.Locale.ROOT,
                    "{\"eventId\":\"ml-%d\",\"userId\":\"%s\",\"itemId\":\"%s\",\"type\":\"rating\",\"value\":%.1f,\"timestamp\":%d}",
                    i, r.userId(), r.itemId(), r.rating(), r.timestampMillis());
            records.add(new ProducerRecord<>("interactions", bytes(r.userId()), bytes(value)));
            if (i % every == 0 && i / every < MALFORMED) {
                records.add(new ProducerRecord<>("interactions", bytes(r.userId()), malformed.get(i / every)));
            }
        }
        return records;
    }

    private static List<ProducerRecord<byte[], byte[]>> supportStream(List<IntentDatasets.Labelled> messages) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            records.add(SupportRecords.message("conv-" + (i % 97), "msg-" + i, messages.get(i).text(),
                    messages.get(i).intent(), System.currentTimeMillis()));
        }
        return records;
    }

    private static void assertExactlyOnePredictionPerMessage(List<ConsumerRecord<byte[], byte[]>> all) {
        Map<String, Integer> predictions = new HashMap<>();
        all.forEach(r -> predictions.merge(field(r, "messageId").asText(), 1, Integer::sum));
        assertThat(predictions).hasSize(SUPPORT_MESSAGES);
        assertThat(predictions.values()).allSatisfy(count -> assertThat(count).isEqualTo(1));
    }

    private static void assertExactlyOneAnswerPerEvent(List<ConsumerRecord<byte[], byte[]>> all) {
        Map<String, Integer> answers = new HashMap<>();
        all.forEach(r -> answers.merge(field(r, "eventId").asText(), 1, Integer::sum));
        assertThat(answers).hasSize(EVENTS);
        assertThat(answers.values()).allSatisfy(count -> assertThat(count).isEqualTo(1));
        JsonNode sample = json(all.get(all.size() - 1));
        assertThat(sample.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "eventId", "userId", "itemId", "score", "recommendations", "modelVersion", "producedAt");
        assertThat(sample.get("recommendations")).hasSize(10);
    }

    private static void assertModelVersionContinues(List<ConsumerRecord<byte[], byte[]>> all, Set<String> before,
            long versionBeforeKill) {
        assertThat(firstVersionAfter(all, "eventId", before)).as("model version after restart")
                .isGreaterThanOrEqualTo(versionBeforeKill);
    }

    /** The model version of the first output whose input was not answered before the kill. */
    private static long firstVersionAfter(List<ConsumerRecord<byte[], byte[]>> all, String idField, Set<String> before) {
        return all.stream().filter(r -> !before.contains(field(r, idField).asText()))
                .mapToLong(r -> field(r, "modelVersion").asLong()).findFirst().orElseThrow();
    }

    private static void assertBeatsPopularity(List<MovieLensRatings.Rating> ratings, List<ConsumerRecord<byte[], byte[]>> all) {
        Map<String, JsonNode> byEvent = new HashMap<>();
        all.forEach(r -> byEvent.put(field(r, "eventId").asText(), json(r)));
        ServiceHitRate hits = ServiceHitRate.of(ratings, byEvent);
        System.out.printf("service HR@10 %.4f, popularity %.4f, ratio %.2f%n", hits.model(), hits.popularity(),
                hits.model() / hits.popularity());
        assertThat(hits.model()).isGreaterThanOrEqualTo(1.5 * hits.popularity());
    }

    private static JsonNode field(ConsumerRecord<byte[], byte[]> record, String name) {
        return json(record).get(name);
    }

    private static JsonNode json(ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
