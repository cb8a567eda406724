package io.streamlearn.load.report;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The report as JSON: every figure, step and per-second sample, for tools and later comparison. */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static void write(RunReport report, Path file) throws IOException {
        JSON.writeValue(file.toFile(), report);
    }

    public static RunReport read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunReport.class);
    }
}
