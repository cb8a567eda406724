package io.streamlearn.load.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads utterances from a CLINC150-style file ({@code data_full.json}: an object whose members are
 * arrays of {@code [text, intent]} pairs). The file is read at run time from the shared data folder
 * and never copied into the repository.
 */
public final class UtteranceFile {

    private UtteranceFile() {
    }

    public static List<Utterance> load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("support-message dataset not found: " + file.toAbsolutePath()
                    + " (pass --support-data PATH, e.g. ../shared/data/clinc150/data_full.json)");
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Utterance> utterances = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> members = root.fields(); members.hasNext();) {
            JsonNode split = members.next().getValue();
            if (!split.isArray()) {
                continue;
            }
            for (JsonNode pair : split) {
                if (pair.isArray() && pair.size() == 2 && pair.get(0).isTextual() && pair.get(1).isTextual()) {
                    utterances.add(new Utterance(pair.get(0).asText(), pair.get(1).asText()));
                }
            }
        }
        if (utterances.isEmpty()) {
            throw new IOException("no [text, intent] pairs in " + file.toAbsolutePath());
        }
        return List.copyOf(utterances);
    }
}
