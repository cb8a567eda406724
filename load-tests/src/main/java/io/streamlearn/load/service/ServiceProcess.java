package io.streamlearn.load.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service as a child JVM, started from its jar the way an operator would run it, and stopped
 * gracefully (then forcibly) when the harness is done or dies.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /**
     * Every safepoint's duration, next to the service's log: an at_least_once latency run once had the
     * stream thread off CPU for ~0.4 s with no park, I/O or GC event in its JFR recording, which
     * points at the VM; this shows whether a safepoint held it.
     */
    private static final String SAFEPOINT_LOG = "-Xlog:safepoint=info:file=safepoint.log:utctime,level,tags";

    private final Process process;
    private final ServiceLaunch launch;
    private final Path log;
    private final Thread killOnExit;

    private ServiceProcess(Process process, ServiceLaunch launch, Path log) {
        this.process = process;
        this.launch = launch;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-service-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    public static ServiceProcess start(ServiceLaunch launch) throws IOException, InterruptedException {
        Files.createDirectories(launch.workDir());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch.jvmArgs());
        command.add(SAFEPOINT_LOG);
        command.add("-jar");
        command.add(launch.jar().toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(launch.workDir().toFile());
        Map<String, String> env = builder.environment();
        env.remove("KAFKA_BOOTSTRAP_SERVERS");
        launch.bootstrapServers().ifPresent(servers -> env.put("KAFKA_BOOTSTRAP_SERVERS", servers));
        env.put("STREAMLEARN_PROCESSING_GUARANTEE", launch.guarantee());
        env.put("STREAMLEARN_EMBEDDED_BROKER_PORT", String.valueOf(launch.brokerPort()));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(launch.httpPort()));
        env.put("STREAMLEARN_INSTANCE_ID", "streamlearn-load-test");
        Path log = launch.workDir().resolve("service.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        ServiceProcess service = new ServiceProcess(builder.start(), launch, log);
        service.awaitReady();
        return service;
    }

    public long pid() {
        return process.pid();
    }

    public String bootstrapServers() {
        return launch.effectiveBootstrapServers();
    }

    public Path log() {
        return log;
    }

    /** Waits for the readiness check, which the service reports only once its stream is RUNNING. */
    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + launch.httpPort() + "/q/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the service exited with status " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // starting up
            }
            Thread.sleep(500);
        }
        close();
        throw new IOException("the service was not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }
}
