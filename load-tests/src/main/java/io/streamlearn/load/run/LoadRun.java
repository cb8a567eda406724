package io.streamlearn.load.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.streamlearn.load.measure.EventIds;
import io.streamlearn.load.measure.RunClock;
import io.streamlearn.load.report.GuaranteeRun;
import io.streamlearn.load.report.MachineInfo;
import io.streamlearn.load.report.ReportWriter;
import io.streamlearn.load.report.RunReport;
import io.streamlearn.load.report.RunSettings;

/** One harness run: every requested guarantee in turn, then the report. */
public final class LoadRun {

    private final LoadOptions options;
    private final String arguments;

    public LoadRun(LoadOptions options, String arguments) {
        this.options = options;
        this.arguments = arguments;
    }

    /** @return the process exit status */
    public int execute() throws Exception {
        if (!Files.isRegularFile(options.serviceJar())) {
            System.err.println("service jar not found: " + options.serviceJar().toAbsolutePath()
                    + " (build it with ./mvnw -q package -DskipTests, or pass --service-jar)");
            return 2;
        }
        RunClock clock = RunClock.startingNow();
        Instant started = Instant.now();
        String runTag = "lt" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(started);
        MachineInfo machine = MachineInfo.current();
        Path runDir = options.workDir().resolve(runTag);
        Console.say("load run %s: guarantees %s, workloads %s; work files in %s", runTag, options.guarantees(),
                options.workloads(), runDir);
        List<GuaranteeRun> runs = new ArrayList<>();
        for (int i = 0; i < options.guarantees().size(); i++) {
            String guarantee = options.guarantees().get(i);
            EventIds ids = new EventIds(runTag + "g" + i);
            runs.add(new GuaranteeExperiment(options, guarantee, ids, clock, runDir.resolve(guarantee)).run());
        }
        RunReport report = new RunReport(runTag, started.toString(), clock.secondsAt(clock.nowNanos()), machine,
                settings(), runs);
        List<Path> files = ReportWriter.write(report, options.resultsDir(), options.reportName());
        Console.say("report written: %s", files);
        return 0;
    }

    private RunSettings settings() {
        return new RunSettings("java -jar load-tests/target/streamlearn-load-tests.jar " + arguments,
                options.guarantees(), options.workloads(),
                options.bootstrapServers().map(s -> "external cluster " + s)
                        .orElse("the service's embedded single-node KRaft broker (fresh per guarantee)"),
                options.serviceJar().toString(), gitCommit(), options.serviceJvmArgsWithStreamsProperties(), options.seed(),
                options.warmupSeconds(), options.probeSeconds(), options.probeWindow(), options.stepSeconds(),
                options.maxSteps(), options.fixedSeconds(), options.supportData().toString(),
                options.interactionProfile(), options.streamsProperties());
    }

    private static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
