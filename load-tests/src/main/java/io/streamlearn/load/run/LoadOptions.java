package io.streamlearn.load.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.streamlearn.load.generate.InteractionProfile;

/** Command-line options of the harness; {@link #usage()} lists them with their defaults. */
public record LoadOptions(Path serviceJar, Optional<String> bootstrapServers, List<String> guarantees,
        List<String> workloads, Optional<Double> fixedRate, double warmupSeconds, double probeSeconds,
        int probeWindow, double stepSeconds, int maxSteps, double fixedSeconds, Path supportData, long seed,
        Path resultsDir, String reportName, Path workDir, boolean profile, List<String> serviceJvmArgs,
        InteractionProfile interactionProfile, List<String> streamsProperties) {

    public static LoadOptions defaults() {
        return new LoadOptions(Path.of("target/quarkus-app/quarkus-run.jar"), Optional.empty(),
                List.of("exactly_once_v2", "at_least_once"), List.of("recommendation", "support"), Optional.empty(),
                30, 6, 5000, 7, 8, 20, Path.of("../shared/data/clinc150/data_full.json"), 42,
                Path.of("load-tests/results"), "load-report", Path.of("load-tests/target/load-runs"), true,
                List.of(), InteractionProfile.standard(), List.of());
    }

    public static String usage() {
        return """
                usage: java -jar load-tests/target/streamlearn-load-tests.jar [options]   (run from the repository root)
                       java -jar load-tests/target/streamlearn-load-tests.jar --render REPORT.json
                                           (re-render the .md and .html of a stored report)
                  --service-jar PATH       service runner jar [target/quarkus-app/quarkus-run.jar]
                  --bootstrap-servers HOSTS  use this cluster (the service is started against it) instead of
                                           the service's embedded broker
                  --guarantees LIST        exactly_once_v2,at_least_once (default both)
                  --workloads LIST         recommendation,support (default both; support is skipped with a
                                           message when the service does not answer on support-predictions)
                  --rate N                 fixed mode: latency runs at N events/s only, no throughput search
                  --warmup-seconds S       closed-loop warm-up per system [30]
                  --probe-seconds S        closed-loop capacity probe [6]
                  --probe-window N         most unanswered events during the probe [5000]
                  --step-seconds S         length of each open-loop step of the search [7]
                  --max-steps N            most steps per search [8]
                  --fixed-seconds S        length of each latency run [20]
                  --support-data PATH      CLINC150-style utterance file [../shared/data/clinc150/data_full.json]
                  --items N                items in the catalogue at the start; it grows to 2 N [10000]
                  --users N                users known at the start; new ones keep arriving [20000]
                  --seed N                 generator seed [42]
                  --results DIR            where the report goes [load-tests/results]
                  --report-name NAME       report file name without extension [load-report]
                  --work-dir DIR           service working directories (broker data, state) [load-tests/target/load-runs]
                  --no-profile             do not record the service with JFR
                  --service-jvm-arg ARG    extra JVM option for the service (repeatable)
                  --streams-property K=V   Kafka Streams property for both the service and the baseline
                                           (repeatable), e.g. producer.linger.ms=5
                """;
    }

    public static LoadOptions parse(String[] args) {
        LoadOptions o = defaults();
        List<String> jvmArgs = new ArrayList<>();
        List<String> streamsProperties = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--no-profile")) {
                o = o.withProfile(false);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value\n" + usage());
            }
            String value = args[++i];
            o = switch (name) {
                case "--service-jar" -> o.with(Path.of(value), o.bootstrapServers, o.guarantees, o.workloads, o.fixedRate);
                case "--bootstrap-servers" -> o.with(o.serviceJar, Optional.of(value), o.guarantees, o.workloads,
                        o.fixedRate);
                case "--guarantees" -> o.with(o.serviceJar, o.bootstrapServers, guarantees(value), o.workloads,
                        o.fixedRate);
                case "--workloads" -> o.with(o.serviceJar, o.bootstrapServers, o.guarantees, list(value), o.fixedRate);
                case "--rate" -> o.with(o.serviceJar, o.bootstrapServers, o.guarantees, o.workloads,
                        Optional.of(positive(name, value)));
                case "--warmup-seconds" -> o.timing(positive(name, value), o.probeSeconds, o.probeWindow,
                        o.stepSeconds, o.maxSteps, o.fixedSeconds);
                case "--probe-seconds" -> o.timing(o.warmupSeconds, positive(name, value), o.probeWindow,
                        o.stepSeconds, o.maxSteps, o.fixedSeconds);
                case "--probe-window" -> o.timing(o.warmupSeconds, o.probeSeconds, (int) positive(name, value),
                        o.stepSeconds, o.maxSteps, o.fixedSeconds);
                case "--step-seconds" -> o.timing(o.warmupSeconds, o.probeSeconds, o.probeWindow,
                        positive(name, value), o.maxSteps, o.fixedSeconds);
                case "--max-steps" -> o.timing(o.warmupSeconds, o.probeSeconds, o.probeWindow, o.stepSeconds,
                        (int) positive(name, value), o.fixedSeconds);
                case "--fixed-seconds" -> o.timing(o.warmupSeconds, o.probeSeconds, o.probeWindow, o.stepSeconds,
                        o.maxSteps, positive(name, value));
                case "--support-data", "--seed", "--results", "--report-name", "--work-dir" ->
                        o.paths(name, value);
                case "--items" -> o.withInteractionProfile(
                        InteractionProfile.sized(o.interactionProfile.initialUsers(), (int) positive(name, value)));
                case "--users" -> o.withInteractionProfile(
                        InteractionProfile.sized((int) positive(name, value), o.interactionProfile.initialItems()));
                case "--streams-property" -> {
                    if (!value.contains("=")) {
                        throw new IllegalArgumentException("--streams-property needs key=value");
                    }
                    streamsProperties.add(value);
                    yield o;
                }
                case "--service-jvm-arg" -> {
                    jvmArgs.add(value);
                    yield o;
                }
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + usage());
            };
        }
        if (!jvmArgs.isEmpty()) {
            o = o.withJvmArgs(List.copyOf(jvmArgs));
        }
        return streamsProperties.isEmpty() ? o : o.withStreamsProperties(List.copyOf(streamsProperties));
    }

    /** Latency-only mode: no search, the given rate for both systems. */
    public boolean fixedMode() {
        return fixedRate.isPresent();
    }

    private LoadOptions with(Path jar, Optional<String> bootstrap, List<String> g, List<String> w, Optional<Double> rate) {
        return new LoadOptions(jar, bootstrap, g, w, rate, warmupSeconds, probeSeconds, probeWindow, stepSeconds,
                maxSteps, fixedSeconds, supportData, seed, resultsDir, reportName, workDir, profile, serviceJvmArgs,
                interactionProfile, streamsProperties);
    }

    private LoadOptions timing(double warmup, double probe, int window, double step, int steps, double fixed) {
        return new LoadOptions(serviceJar, bootstrapServers, guarantees, workloads, fixedRate, warmup, probe, window,
                step, steps, fixed, supportData, seed, resultsDir, reportName, workDir, profile, serviceJvmArgs,
                interactionProfile, streamsProperties);
    }

    private LoadOptions paths(String name, String value) {
        return new LoadOptions(serviceJar, bootstrapServers, guarantees, workloads, fixedRate, warmupSeconds,
                probeSeconds, probeWindow, stepSeconds, maxSteps, fixedSeconds,
                name.equals("--support-data") ? Path.of(value) : supportData,
                name.equals("--seed") ? Long.parseLong(value) : seed,
                name.equals("--results") ? Path.of(value) : resultsDir,
                name.equals("--report-name") ? value : reportName,
                name.equals("--work-dir") ? Path.of(value) : workDir, profile, serviceJvmArgs, interactionProfile, streamsProperties);
    }

    private LoadOptions withProfile(boolean on) {
        return new LoadOptions(serviceJar, bootstrapServers, guarantees, workloads, fixedRate, warmupSeconds,
                probeSeconds, probeWindow, stepSeconds, maxSteps, fixedSeconds, supportData, seed, resultsDir,
                reportName, workDir, on, serviceJvmArgs, interactionProfile, streamsProperties);
    }

    private LoadOptions withJvmArgs(List<String> args) {
        return new LoadOptions(serviceJar, bootstrapServers, guarantees, workloads, fixedRate, warmupSeconds,
                probeSeconds, probeWindow, stepSeconds, maxSteps, fixedSeconds, supportData, seed, resultsDir,
                reportName, workDir, profile, args, interactionProfile, streamsProperties);
    }

    private LoadOptions withInteractionProfile(InteractionProfile p) {
        return new LoadOptions(serviceJar, bootstrapServers, guarantees, workloads, fixedRate, warmupSeconds,
                probeSeconds, probeWindow, stepSeconds, maxSteps, fixedSeconds, supportData, seed, resultsDir,
                reportName, workDir, profile, serviceJvmArgs, p, streamsProperties);
    }

    private LoadOptions withStreamsProperties(List<String> properties) {
        return new LoadOptions(serviceJar, bootstrapServers, guarantees, workloads, fixedRate, warmupSeconds,
                probeSeconds, probeWindow, stepSeconds, maxSteps, fixedSeconds, supportData, seed, resultsDir,
                reportName, workDir, profile, serviceJvmArgs, interactionProfile, properties);
    }

    /** JVM options that hand the Kafka Streams properties to the service (Quarkus reads kafka-streams.*). */
    public List<String> serviceJvmArgsWithStreamsProperties() {
        List<String> args = new ArrayList<>(serviceJvmArgs);
        streamsProperties.forEach(property -> args.add("-Dkafka-streams." + property));
        return List.copyOf(args);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> guarantees(String value) {
        List<String> guarantees = list(value);
        for (String g : guarantees) {
            if (!g.equals("exactly_once_v2") && !g.equals("at_least_once")) {
                throw new IllegalArgumentException("unknown processing guarantee " + g);
            }
        }
        return guarantees;
    }

    private static double positive(String name, String value) {
        double number = Double.parseDouble(value);
        if (!(number > 0)) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return number;
    }
}
