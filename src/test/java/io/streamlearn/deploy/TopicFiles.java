package io.streamlearn.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The Strimzi KafkaTopic files of a directory, by file name without ".yaml". */
final class TopicFiles {

    static final Path SOURCE = Path.of("topics");
    static final Path CHART_COPY = ChartRenderer.CHART.resolve("files").resolve("topics");

    private TopicFiles() {
    }

    static Map<String, Path> in(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            Map<String, Path> byName = new TreeMap<>();
            files.filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .forEach(file -> byName.put(file.getFileName().toString().replaceFirst("\\.yaml$", ""), file));
            return byName;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
