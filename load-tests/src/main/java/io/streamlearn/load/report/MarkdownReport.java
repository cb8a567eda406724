package io.streamlearn.load.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.streamlearn.load.measure.LatencySummary;
import io.streamlearn.load.measure.MachineCpu;
import io.streamlearn.load.profile.HotSpot;
import io.streamlearn.load.profile.HotSpots;
import io.streamlearn.load.search.StepOutcome;

/** The human-readable report: headline figures against the targets, then the detail behind them. */
public final class MarkdownReport {

    private final StringBuilder out = new StringBuilder();

    private MarkdownReport() {
    }

    public static void write(RunReport report, Path file, String chartFileName) throws IOException {
        Files.writeString(file, render(report, chartFileName));
    }

    public static String render(RunReport report, String chartFileName) {
        MarkdownReport md = new MarkdownReport();
        md.header(report, chartFileName);
        md.summary(report);
        for (GuaranteeRun run : report.guarantees()) {
            md.details(run);
        }
        md.machineAndSettings(report);
        return md.out.toString();
    }

    private void header(RunReport report, String chartFileName) {
        line("# Streamlearn load test %s", report.runTag());
        line("");
        line("Started %s, took %.0f s. Chart of throughput and latency over time: [%s](%s). All figures: `%s`.",
                report.startedAt(), report.elapsedSeconds(), chartFileName, chartFileName,
                chartFileName.replace(".html", ".json"));
        line("");
        line("Latency is end-to-end: from an event's *intended* send time (open-loop schedule) until its "
                + "prediction is returned to a `read_committed` consumer. *Sustained* is the highest fixed "
                + "rate at which predictions kept pace and the backlog stopped growing.");
        line("");
    }

    private void summary(RunReport report) {
        line("## Summary");
        line("");
        line("| guarantee | workload | baseline sustained ev/s (before / after the service) | service sustained ev/s "
                + "| service/baseline | latency run ev/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms "
                + "| baseline p99 ms at same rate | machine CPU µs/event at same rate (baseline / service) |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (GuaranteeRun run : report.guarantees()) {
            for (WorkloadRun workload : run.workloads()) {
                if (workload.skipped() != null) {
                    line("| %s | %s | skipped: %s |  |  |  |  |  |  |  |  |  |  |", run.guarantee(), workload.workload(),
                            workload.skipped());
                    continue;
                }
                FixedRateRun half = workload.service().halfRate();
                LatencySummary l = half == null ? LatencySummary.EMPTY : half.latency();
                FixedRateRun baselineHalf = workload.baseline().halfRate();
                line("| %s | %s | %s | %s | %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %s / %s |",
                        run.guarantee(), workload.workload(), baselineRates(workload), rate(workload.service()),
                        workload.throughputRatio() == null ? "n/a" : fmt("%.2f", workload.throughputRatio()),
                        half == null ? "n/a" : fmt("%.0f", half.targetRate()), l.p50Ms(), l.p90Ms(), l.p99Ms(),
                        l.p999Ms(), l.maxMs(),
                        baselineHalf == null ? "n/a" : fmt("%.1f", baselineHalf.latency().p99Ms()),
                        microsPerEvent(baselineHalf), microsPerEvent(half));
            }
        }
        line("");
        line("A rate marked ≥ is a lower bound: every step passed, the search ran out of steps before one failed. "
                + "The baseline is searched before and again after the service; the ratio is the service's rate "
                + "over the mean of the two, and their difference is how much the shared machine itself moved "
                + "during the run. Machine CPU is every process's, from `/proc/stat`, over the latency runs: "
                + "at the same rate, what one event costs with the service against with the baseline.");
        line("");
        line("Targets: service/baseline ≥ %.1f; p99 at half the sustained rate ≤ 250 ms (exactly_once_v2), "
                + "≤ 30 ms (at_least_once).", Targets.MIN_THROUGHPUT_RATIO);
        line("");
        for (GuaranteeRun run : report.guarantees()) {
            for (WorkloadRun workload : run.workloads()) {
                if (workload.skipped() != null) {
                    continue;
                }
                boolean ratioMet = workload.throughputRatio() != null
                        && workload.throughputRatio() >= Targets.MIN_THROUGHPUT_RATIO;
                FixedRateRun half = workload.service().halfRate();
                double bound = Targets.maxP99Millis(run.guarantee());
                String latencyVerdict = half == null ? "not measured"
                        : Targets.verdict(half.latency().p99Ms() <= bound);
                line("- %s / %s: throughput ratio %s; p99 ≤ %.0f ms %s.", run.guarantee(), workload.workload(),
                        Targets.verdict(ratioMet), bound, latencyVerdict);
            }
        }
        line("");
    }

    private void details(GuaranteeRun run) {
        line("## %s", run.guarantee());
        line("");
        for (String note : run.notes()) {
            line("- %s", note);
        }
        if (!run.notes().isEmpty()) {
            line("");
        }
        for (WorkloadRun workload : run.workloads()) {
            if (workload.skipped() != null) {
                line("### %s: skipped", workload.workload());
                line("");
                line("%s", workload.skipped());
                line("");
                continue;
            }
            line("### %s (%d partition%s)", workload.workload(), workload.partitions(),
                    workload.partitions() == 1 ? "" : "s");
            line("");
            systemDetails("baseline", workload.baseline());
            systemDetails("service", workload.service());
            if (workload.baselineAgain() != null) {
                systemDetails("baseline, searched again after the service", workload.baselineAgain());
            }
        }
        profile(run.profile());
    }

    private void systemDetails(String title, SystemRun system) {
        line("**%s**: %ssustained %s ev/s.", title,
                system.probeRate() > 0 ? fmt("closed-loop probe %.0f ev/s, ", system.probeRate()) : "", rate(system));
        line("");
        line("| target ev/s | sent ev/s | answered ev/s | backlog mid → end | catch-up s | producer late ms "
                + "| machine cores busy / stolen | verdict |");
        line("|---:|---:|---:|---:|---:|---:|---:|---|");
        for (StepOutcome step : system.steps()) {
            line("| %.0f | %.0f | %.0f | %d → %d | %.2f | %.0f | %s | %s |", step.targetRate(), step.sentRate(),
                    step.answeredRate(), step.outstandingAtMiddle(), step.outstandingAtEnd(), step.drainSeconds(),
                    step.producerLateMillis(), cores(step.cpu()), step.reason());
        }
        line("");
        FixedRateRun half = system.halfRate();
        if (half != null) {
            LatencySummary l = half.latency();
            line("Latency run at %.0f ev/s for %.0f s: %d sent, %d answered; p50 %.1f, p90 %.1f, p99 %.1f, "
                    + "p99.9 %.1f, max %.1f ms (mean %.1f); machine cores busy / stolen %s, %s µs CPU per event.",
                    half.targetRate(), half.seconds(), half.sent(), half.answered(), l.p50Ms(), l.p90Ms(), l.p99Ms(),
                    l.p999Ms(), l.maxMs(), l.meanMs(), cores(half.cpu()), microsPerEvent(half));
            line("");
        }
    }

    private void profile(HotSpots profile) {
        if (profile == null) {
            return;
        }
        line("### Service profile (JFR, %d execution samples)", profile.samples());
        line("");
        line("Recorded in the service JVM (stream thread *and* its embedded broker) from after the service's "
                + "warm-up to the end of its latency run, first measured workload only; `%s` in the run's "
                + "working directory.", profile.recording());
        line("");
        hotSpotTable("Top frames (self time)", profile.topFrames());
        hotSpotTable("Service methods on the stack (inclusive time)", profile.serviceMethods());
        hotSpotTable("Call sites (top frame ← innermost service line below it)", profile.callSites());
        hotSpotTable("Threads", profile.threads());
    }

    private void hotSpotTable(String title, java.util.List<HotSpot> spots) {
        if (spots == null) {
            return;
        }
        line("%s:", title);
        line("");
        line("| %% samples | samples | where |");
        line("|---:|---:|---|");
        for (HotSpot spot : spots) {
            line("| %.1f | %d | `%s` |", spot.percent(), spot.samples(), spot.name());
        }
        line("");
    }

    private void machineAndSettings(RunReport report) {
        MachineInfo m = report.machine();
        RunSettings s = report.settings();
        line("## Machine and settings");
        line("");
        line("- CPU: %s, %d logical cores; memory %.1f GiB; load average at start: %s", m.cpuModel(),
                m.logicalCores(), m.memoryGiB(), m.loadAverageAtStart());
        line("- OS: %s; Java: %s; Kafka clients/Streams: %s", m.os(), m.java(), m.kafkaClients());
        line("- Command: `%s`", s.command());
        line("- Broker: %s", s.broker());
        line("- Service: `%s` (commit %s), JVM options %s", s.serviceJar(), s.serviceCommit(), s.serviceJvmArgs());
        line("- Guarantees %s, workloads %s, seed %d", s.guarantees(), s.workloads(), s.seed());
        line("- Phases: warm-up %.0f s; closed-loop probe %.0f s (window doubling up to %d unanswered events); "
                + "open-loop steps of %.0f s (at most %d; sustained = backlog did not grow by more than 0.25 s of "
                + "input over the step's second half, held at most 1 s of input at its end, and caught up within "
                + "max(1 s, 10%% of the step) after it); "
                + "latency runs of %.0f s", s.warmupSeconds(), s.probeSeconds(), s.probeWindow(), s.stepSeconds(),
                s.maxSteps(), s.fixedSeconds());
        line("- Synthetic interactions: %s", s.interactionProfile());
        line("- Kafka Streams properties given to both service and baseline: %s (otherwise Kafka Streams "
                + "defaults, e.g. producer linger.ms 100)", s.streamsProperties().isEmpty() ? "none"
                        : s.streamsProperties());
        line("- Support messages from: %s", s.supportData());
        line("- The baseline (Kafka Streams pass-through: parse JSON, write a prediction-shaped JSON of the same size, "
                + "no state) runs in the harness JVM on the service's broker, with the same partitions, guarantee "
                + "and one stream thread. Producer and consumer share the machine with both.");
    }

    private static String baselineRates(WorkloadRun workload) {
        return workload.baselineAgain() == null ? rate(workload.baseline())
                : rate(workload.baseline()) + " / " + rate(workload.baselineAgain());
    }

    private static String cores(MachineCpu cpu) {
        return cpu == null ? "n/a" : fmt("%.2f / %.2f", cpu.busyCores(), cpu.stealCores());
    }

    private static String microsPerEvent(FixedRateRun run) {
        Double micros = run == null ? null : run.machineMicrosPerEvent();
        return micros == null ? "n/a" : fmt("%.0f", micros);
    }

    private static String rate(SystemRun system) {
        return (system.bracketed() || system.sustainedRate() == 0 ? "" : "≥ ") + fmt("%.0f", system.sustainedRate());
    }

    private void line(String format, Object... args) {
        out.append(fmt(format, args)).append('\n');
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
