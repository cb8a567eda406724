package io.streamlearn.load.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a report's three forms side by side: {@code <name>.md}, {@code <name>.json}, {@code <name>.html}. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** @return the files written, Markdown first */
    public static List<Path> write(RunReport report, Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Path markdown = directory.resolve(name + ".md");
        Path json = directory.resolve(name + ".json");
        Path html = directory.resolve(name + ".html");
        JsonReport.write(report, json);
        HtmlChart.write(report, html);
        MarkdownReport.write(report, markdown, html.getFileName().toString());
        return List.of(markdown, json, html);
    }
}
