package io.streamlearn.load.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SupportMessageGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryTextIntentPairOfAClincStyleFile() throws IOException {
        List<Utterance> utterances = UtteranceFile.load(sampleFile());
        assertThat(utterances).containsExactlyInAnyOrder(
                new Utterance("what is my balance", "balance"),
                new Utterance("say \"hello\" to the agent", "greeting"),
                new Utterance("a show on broadway", "oos"));
    }

    @Test
    void aMissingDatasetIsReportedWithItsPath() {
        assertThatThrownBy(() -> UtteranceFile.load(dir.resolve("absent.json")))
                .isInstanceOf(IOException.class).hasMessageContaining("absent.json");
    }

    @Test
    void sameSeedGivesTheSameMessages() throws IOException {
        List<Utterance> utterances = UtteranceFile.load(sampleFile());
        assertThat(messages(new SupportMessageGenerator(utterances, 9, 5, 0.3), 500))
                .isEqualTo(messages(new SupportMessageGenerator(utterances, 9, 5, 0.3), 500));
    }

    @Test
    void messagesFollowTheContractAndAreKeyedByConversation() throws IOException {
        SupportMessageGenerator generator = new SupportMessageGenerator(UtteranceFile.load(sampleFile()), 1, 5, 0.5);
        ObjectMapper json = new ObjectMapper();
        int labelled = 0;
        for (int i = 0; i < 1000; i++) {
            OutgoingEvent event = generator.next("m" + i, 42L);
            JsonNode node = json.readTree(event.value());
            assertThat(node.get("messageId").asText()).isEqualTo("m" + i);
            assertThat(node.get("conversationId").asText()).isEqualTo(event.key());
            assertThat(node.get("text").asText()).isNotEmpty();
            assertThat(node.get("timestamp").asLong()).isEqualTo(42L);
            labelled += node.has("intent") ? 1 : 0;
        }
        assertThat(labelled).isBetween(400, 600);
    }

    private Path sampleFile() throws IOException {
        Path file = dir.resolve("data_full.json");
        Files.writeString(file, """
                {"train": [["what is my balance", "balance"], ["say \\"hello\\" to the agent", "greeting"]],
                 "oos_val": [["a show on broadway", "oos"]],
                 "meta": {"not": "pairs"}}
                """);
        return file;
    }

    private static List<String> messages(SupportMessageGenerator generator, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OutgoingEvent event = generator.next("m" + i, i);
            out.add(event.key() + "|" + new String(event.value(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
