package io.streamlearn.load.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JFR recording of the service that runs from its launch ({@link #LAUNCH_OPTION}), of which only a
 * window is written out with {@code jcmd}, so the profile covers the service's own load phases and
 * not its start-up or the baseline's traffic. Starting a recording in a warm JVM instead set off a
 * recompilation storm (C2 at 65–75 % of a core for minutes on 2 cores) that halved the service's
 * measured throughput; from launch, that cost falls in the start-up.
 */
public final class FlightRecorder {

    private static final String NAME = "streamlearn-load";
    /** The service JVM option that starts the recording. */
    public static final String LAUNCH_OPTION = "-XX:StartFlightRecording=name=" + NAME + ",settings=profile";

    private final long pid;

    public FlightRecorder(long pid) {
        this.pid = pid;
    }

    /** Writes what was recorded since {@code begin} into {@code file}. */
    public void dumpSince(Instant begin, Path file) throws IOException, InterruptedException {
        jcmd("JFR.dump", "name=" + NAME, "begin=" + begin, "filename=" + file.toAbsolutePath());
    }

    private void jcmd(String... arguments) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> command = new ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid)));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("Exception")) {
            throw new IOException("jcmd " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
