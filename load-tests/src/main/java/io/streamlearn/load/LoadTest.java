package io.streamlearn.load;

import io.streamlearn.load.report.JsonReport;
import io.streamlearn.load.report.ReportWriter;
import io.streamlearn.load.run.LoadRun;
import io.streamlearn.load.run.LoadOptions;

/** Entry point: {@code java -jar load-tests/target/streamlearn-load-tests.jar [options]} from the repository root. */
public final class LoadTest {

    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(LoadOptions.usage());
            return;
        }
        if (args.length == 2 && args[0].equals("--render")) {
            // Re-renders the Markdown and HTML of a stored report (e.g. after a change to the rendering).
            java.nio.file.Path json = java.nio.file.Path.of(args[1]);
            String name = json.getFileName().toString().replaceFirst("\\.json$", "");
            System.out.println(ReportWriter.write(JsonReport.read(json), json.toAbsolutePath().getParent(), name));
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new LoadRun(options, String.join(" ", args)).execute());
    }
}
