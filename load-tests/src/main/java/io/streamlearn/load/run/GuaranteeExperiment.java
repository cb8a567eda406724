package io.streamlearn.load.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.streamlearn.load.baseline.BaselineTopics;
import io.streamlearn.load.baseline.PassThroughApp;
import io.streamlearn.load.generate.EventStream;
import io.streamlearn.load.generate.InteractionGenerator;
import io.streamlearn.load.generate.SupportMessageGenerator;
import io.streamlearn.load.generate.Utterance;
import io.streamlearn.load.generate.UtteranceFile;
import io.streamlearn.load.generate.Workload;
import io.streamlearn.load.measure.EventIds;
import io.streamlearn.load.measure.InFlightLedger;
import io.streamlearn.load.measure.LatencyMeter;
import io.streamlearn.load.measure.PredictionCollector;
import io.streamlearn.load.measure.RunClock;
import io.streamlearn.load.produce.LoadProducer;
import io.streamlearn.load.profile.HotSpots;
import io.streamlearn.load.report.FixedRateRun;
import io.streamlearn.load.report.GuaranteeRun;
import io.streamlearn.load.report.SystemRun;
import io.streamlearn.load.report.WorkloadRun;
import io.streamlearn.load.search.SustainedRateSearch;
import io.streamlearn.load.service.FlightRecorder;
import io.streamlearn.load.service.FreePorts;
import io.streamlearn.load.service.ServiceLaunch;
import io.streamlearn.load.service.ServiceProcess;

/**
 * Everything measured under one processing guarantee: a fresh service (and, by default, a fresh
 * embedded broker) started with that guarantee; per workload the pass-through baseline and then the
 * service, each warmed up, probed, searched for its sustained rate, and both measured for latency at
 * half the service's sustained rate; then the baseline searched once more, so that the ratio rests
 * on the baseline before and after the service rather than on one search of a shared machine.
 */
final class GuaranteeExperiment {

    private static final String KERNELS_LINE = "OpenBLAS kernels:";
    private static final int SUPPORT_CHECK_EVENTS = 20;
    private static final Duration SUPPORT_CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final LoadOptions options;
    private final String guarantee;
    private final EventIds ids;
    private final RunClock clock;
    private final Path workDir;
    private final List<String> notes = new ArrayList<>();

    GuaranteeExperiment(LoadOptions options, String guarantee, EventIds ids, RunClock clock, Path workDir) {
        this.options = options;
        this.guarantee = guarantee;
        this.ids = ids;
        this.clock = clock;
        this.workDir = workDir;
    }

    GuaranteeRun run() throws Exception {
        ServiceLaunch launch = new ServiceLaunch(options.serviceJar(), workDir.resolve("service"), guarantee,
                options.bootstrapServers(), FreePorts.pair(), FreePorts.any(), serviceJvmArgs());
        Console.say("[%s] starting the service (%s)", guarantee,
                launch.bootstrapServers().map(s -> "cluster " + s).orElse("embedded broker on port "
                        + launch.brokerPort()));
        InFlightLedger ledger = new InFlightLedger(22);
        LatencyMeter meter = new LatencyMeter(ledger, clock);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "latency-meter");
            thread.setDaemon(true);
            return thread;
        });
        List<WorkloadRun> workloads = new ArrayList<>();
        ProfileSession profile;
        try (ServiceProcess service = ServiceProcess.start(launch)) {
            Console.say("[%s] service ready (pid %d, log %s)", guarantee, service.pid(), service.log());
            kernelsNote(Files.readAllLines(service.log(), StandardCharsets.ISO_8859_1)).ifPresent(notes::add);
            String bootstrap = service.bootstrapServers();
            profile = new ProfileSession(options.profile() ? new FlightRecorder(service.pid()) : null,
                    workDir.resolve("service-" + guarantee + ".jfr"));
            ticker.scheduleAtFixedRate(meter::tick, 1, 1, TimeUnit.SECONDS);
            try (Admin admin = Admin.create(adminProperties(bootstrap))) {
                Map<Workload, Integer> partitions = prepareTopics(admin);
                List<String> outputs = partitions.keySet().stream()
                        .flatMap(w -> java.util.stream.Stream.of(w.outputTopic(), w.baselineOutputTopic()))
                        .toList();
                try (LoadProducer producer = new LoadProducer(bootstrap, ids, ledger, clock);
                        PredictionCollector collector = new PredictionCollector(bootstrap, outputs, ids, ledger, meter,
                                clock)) {
                    collector.start();
                    PhaseRunner runner = new PhaseRunner(producer, ledger, meter, clock, options);
                    for (String label : options.workloads()) {
                        Workload workload = Workload.fromLabel(label);
                        workloads.add(partitions.containsKey(workload)
                                ? measure(workload, partitions.get(workload), runner, profile, bootstrap)
                                : WorkloadRun.skipped(label, "topics " + workload.inputTopic() + " / "
                                        + workload.outputTopic() + " do not exist on the broker"));
                    }
                }
            }
            HotSpots hotSpots = profile.hotSpots();
            if (profile.failure() != null) {
                notes.add(profile.failure());
            }
            if (ledger.duplicates() > 0) {
                notes.add(ledger.duplicates() + " duplicate predictions were read (not counted twice)");
            }
            ticker.shutdownNow();
            return new GuaranteeRun(guarantee, workloads, meter.samples(), hotSpots, List.copyOf(notes));
        } finally {
            ticker.shutdownNow();
            Console.say("[%s] service stopped", guarantee);
            // The embedded broker's log and the state stores run to gigabytes; the log and the
            // profile of the run are kept.
            deleteQuietly(launch.workDir().resolve("data"));
        }
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            Console.say("could not delete %s: %s", directory, e.getMessage());
        }
    }

    private WorkloadRun measure(Workload workload, int partitions, PhaseRunner runner, ProfileSession profile,
            String bootstrap) throws Exception {
        List<Utterance> utterances = List.of();
        if (workload == Workload.SUPPORT) {
            try {
                utterances = UtteranceFile.load(options.supportData());
            } catch (IOException e) {
                return skip(workload, e.getMessage());
            }
        }
        Target service = new Target("service", workload.label(), workload.inputTopic(), events(workload, utterances));
        Target baseline = new Target("baseline", workload.label(), workload.baselineInputTopic(),
                events(workload, utterances));
        if (workload == Workload.SUPPORT && !runner.answers(service, SUPPORT_CHECK_EVENTS, SUPPORT_CHECK_TIMEOUT)) {
            return skip(workload, String.format("the service did not answer on %s: no prediction for %d messages "
                    + "on %s within %d s. The support model is skipped until the service handles it.",
                    workload.outputTopic(), SUPPORT_CHECK_EVENTS, workload.inputTopic(),
                    SUPPORT_CHECK_TIMEOUT.toSeconds()));
        }
        Path stateDir = workDir.resolve("baseline-state-" + workload.label());
        String applicationId = "load-baseline-" + ids.runTag() + "-" + workload.label();
        try (PassThroughApp app = PassThroughApp.start(bootstrap, applicationId, guarantee, workload, stateDir,
                options.streamsProperties())) {
            Console.say("[%s] %s: baseline, then service", guarantee, workload.label());
            return options.fixedMode()
                    ? fixedRateOnly(workload, partitions, runner, profile, service, baseline)
                    : searchThenLatency(workload, partitions, runner, profile, service, baseline);
        }
    }

    private List<String> serviceJvmArgs() {
        List<String> args = new ArrayList<>(options.serviceJvmArgsWithStreamsProperties());
        if (options.profile()) {
            args.add(FlightRecorder.LAUNCH_OPTION);
        }
        return args;
    }

    private WorkloadRun searchThenLatency(Workload workload, int partitions, PhaseRunner runner,
            ProfileSession profile, Target service, Target baseline) throws InterruptedException {
        runner.warmUp(baseline);
        double baselineProbe = runner.probe(baseline);
        SustainedRateSearch baselineSearch = runner.search(baseline, baselineProbe);

        runner.warmUp(service);
        profile.startOnce();
        double serviceProbe = runner.probe(service);
        SustainedRateSearch serviceSearch = runner.search(service, serviceProbe);
        double halfRate = serviceSearch.sustainedRate() / 2;
        FixedRateRun serviceLatency = null;
        FixedRateRun baselineLatency = null;
        if (halfRate > 0) {
            serviceLatency = runner.fixedRate(service, halfRate);
            profile.finish();
            baselineLatency = runner.fixedRate(baseline, halfRate);
        } else {
            profile.finish();
            notes.add(workload.label() + ": no step rate was sustained by the service, so no latency run");
        }
        Console.say("[%s] %s: baseline searched again, after the service", guarantee, workload.label());
        SustainedRateSearch baselineAgain = runner.search(baseline,
                baselineSearch.sustainedRate() > 0 ? baselineSearch.sustainedRate() : baselineProbe);
        return WorkloadRun.measured(workload.label(), partitions,
                new SystemRun("baseline", baselineProbe, baselineSearch.sustainedRate(), baselineSearch.bracketed(),
                        baselineSearch.outcomes(),
                        baselineLatency),
                new SystemRun("baseline", 0, baselineAgain.sustainedRate(), baselineAgain.bracketed(),
                        baselineAgain.outcomes(), null),
                new SystemRun("service", serviceProbe, serviceSearch.sustainedRate(), serviceSearch.bracketed(),
                        serviceSearch.outcomes(),
                        serviceLatency));
    }

    private WorkloadRun fixedRateOnly(Workload workload, int partitions, PhaseRunner runner, ProfileSession profile,
            Target service, Target baseline) throws InterruptedException {
        double rate = options.fixedRate().orElseThrow();
        runner.warmUp(baseline);
        FixedRateRun baselineLatency = runner.fixedRate(baseline, rate);
        runner.warmUp(service);
        profile.startOnce();
        FixedRateRun serviceLatency = runner.fixedRate(service, rate);
        profile.finish();
        notes.add(workload.label() + ": fixed-rate mode, no throughput search");
        return WorkloadRun.fixedRate(workload.label(), partitions,
                new SystemRun("baseline", 0, 0, false, List.of(), baselineLatency),
                new SystemRun("service", 0, 0, false, List.of(), serviceLatency));
    }

    private WorkloadRun skip(Workload workload, String reason) {
        Console.say("[%s] %s skipped: %s", guarantee, workload.label(), reason);
        return WorkloadRun.skipped(workload.label(), reason);
    }

    /** Both systems get the same seeded stream, event for event. */
    private EventStream events(Workload workload, List<Utterance> utterances) {
        return switch (workload) {
            case RECOMMENDATION -> new InteractionGenerator(options.interactionProfile(), options.seed());
            case SUPPORT -> new SupportMessageGenerator(utterances, options.seed(), 200, 0.3);
        };
    }

    /** Baseline topics shaped like the service's, for every requested workload whose topics exist. */
    private Map<Workload, Integer> prepareTopics(Admin admin) throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        Map<Workload, Integer> partitions = new LinkedHashMap<>();
        for (String label : options.workloads()) {
            Workload workload = Workload.fromLabel(label);
            if (existing.contains(workload.inputTopic()) && existing.contains(workload.outputTopic())) {
                partitions.put(workload, BaselineTopics.recreateLike(admin, workload));
            }
        }
        return partitions;
    }

    private static Properties adminProperties(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return props;
    }

    /**
     * The service's start-up line on the OpenBLAS kernels it runs, as a note of the report: the
     * kernels moved the service's speed as much as a code change does, and depend on the CPU and
     * the environment rather than on the build.
     */
    static Optional<String> kernelsNote(List<String> serviceLog) {
        return serviceLog.stream()
                .filter(line -> line.contains(KERNELS_LINE))
                .findFirst()
                .map(line -> "service " + line.substring(line.indexOf(KERNELS_LINE)));
    }
}
