package io.streamlearn.load;

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
