package io.streamlearn.load.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops a JFR recording in the running service with {@code jcmd}, so the profile covers
 * only the service's own load phases, not its start-up or the baseline's.
 */
public final class FlightRecorder {

    private static final String NAME = "streamlearn-load";

    private final long pid;

    public FlightRecorder(long pid) {
        this.pid = pid;
    }

    public void start() throws IOException, InterruptedException {
        jcmd("JFR.start", "name=" + NAME, "settings=profile");
    }

    public void stopInto(Path file) throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=" + NAME, "filename=" + file.toAbsolutePath());
    }

    private void jcmd(String... arguments) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> command = new java.util.ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid)));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("Exception")) {
            throw new IOException("jcmd " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
