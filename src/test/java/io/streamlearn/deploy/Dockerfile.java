package io.streamlearn.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructions of a Dockerfile, enough of the syntax to read the facts the chart relies on:
 * comments dropped, backslash continuations joined, ENV in its KEY=VALUE form (values may be quoted).
 */
record Dockerfile(List<String[]> instructions) {

    static final Path JVM = Path.of("src", "main", "docker", "Dockerfile.jvm");
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"([^\"]*)\"|(\\S+))");

    static Dockerfile read(Path file) {
        try {
            String joined = String.join("\n", Files.readAllLines(file).stream()
                    .filter(line -> !line.strip().startsWith("#")).toList())
                    .replaceAll("\\\\\\n", " ");
            List<String[]> instructions = new ArrayList<>();
            for (String line : joined.split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.strip().split("\\s+", 2);
                    instructions.add(new String[] {parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""});
                }
            }
            return new Dockerfile(instructions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Arguments of every instruction with this keyword, in file order. */
    List<String> all(String keyword) {
        return instructions.stream().filter(instruction -> instruction[0].equals(keyword))
                .map(instruction -> instruction[1]).toList();
    }

    /** Arguments of the last instruction with this keyword (the one that takes effect). */
    String last(String keyword) {
        List<String> found = all(keyword);
        if (found.isEmpty()) {
            throw new AssertionError("no " + keyword + " instruction");
        }
        return found.get(found.size() - 1);
    }

    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String arguments : all("ENV")) {
            Matcher pair = ENV_PAIR.matcher(arguments);
            while (pair.find()) {
                env.put(pair.group(1), pair.group(3) != null ? pair.group(3) : pair.group(4));
            }
        }
        return env;
    }
}
