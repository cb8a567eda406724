package io.streamlearn.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.streamlearn.load.generate.InteractionProfile;
import io.streamlearn.load.measure.IntervalSample;
import io.streamlearn.load.measure.LatencySummary;
import io.streamlearn.load.measure.MachineCpu;
import io.streamlearn.load.profile.HotSpot;
import io.streamlearn.load.profile.HotSpots;
import io.streamlearn.load.search.StepOutcome;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesMarkdownJsonAndHtmlSideBySide() throws IOException {
        List<Path> files = ReportWriter.write(sampleReport(), dir, "load-report");
        assertThat(files).extracting(path -> path.getFileName().toString())
                .containsExactly("load-report.md", "load-report.json", "load-report.html");
        assertThat(files).allMatch(Files::isRegularFile);
    }

    @Test
    void theJsonHoldsEveryFigureAndReadsBackEqual() throws IOException {
        RunReport report = sampleReport();
        ReportWriter.write(report, dir, "r");
        assertThat(JsonReport.read(dir.resolve("r.json"))).isEqualTo(report);
    }

    @Test
    void theMarkdownSummaryGivesRatesRatioPercentilesAndVerdicts() {
        String markdown = MarkdownReport.render(sampleReport(), "r.html");
        assertThat(markdown)
                .contains("| exactly_once_v2 | recommendation | 10000 / 6000 | 4000 | 0.50 | 2000 | 12.5 | 40.0 | 180.0 "
                        + "| 240.0 | 300.0 | 110.0 | 200 / 600 |")
                .contains("exactly_once_v2 / recommendation: throughput ratio met; p99 ≤ 250 ms met.")
                .contains("| at_least_once | recommendation | 10000 | ≥ 2000 | 0.20 |")
                .contains("at_least_once / recommendation: throughput ratio NOT met; p99 ≤ 30 ms NOT met.")
                .contains("**baseline, searched again after the service**: sustained 6000 ev/s.")
                .contains("| 4000 | 3990 | 3950 | 300 → 310 | 0.20 | 1 | 1.50 / 0.04 | kept up |")
                .contains("| 4600 | 4590 | 4100 | 900 → 2900 | 3.20 | 1 | n/a | backlog grew 900 -> 2900 |")
                .contains("support | skipped: service silent")
                .contains("| 12.5 | 125 | `io.streamlearn.recommend.TopK.select` |")
                .contains("| 9.0 | 90 | `java.lang.String.hashCode ← io.streamlearn.recommend.TopK.select:19` |")
                .contains("Intel Test CPU");
    }

    @Test
    void theChartDrawsEachSeriesAndEscapesPhaseNames() {
        String html = HtmlChart.render(sampleReport());
        assertThat(html).contains("<svg").contains("<polyline").contains("<title>p99</title>")
                .contains("service &lt;step&gt; 4000/s").doesNotContain("service <step>");
        assertThat(html.split("<svg", -1)).hasSize(1 + 2 * 2);
    }

    private static RunReport sampleReport() {
        LatencySummary latency = new LatencySummary(40_000, 20.0, 12.5, 40.0, 180.0, 240.0, 300.0);
        LatencySummary baselineLatency = new LatencySummary(40_000, 9.0, 8.0, 50.0, 110.0, 120.0, 130.0);
        StepOutcome pass = new StepOutcome(4000, 3990, 3950, 300, 310, 0.2, 1, true, "kept up",
                new MachineCpu(7, 1.5, 0.04));
        StepOutcome fail = new StepOutcome(4600, 4590, 4100, 900, 2900, 3.2, 1, false, "backlog grew 900 -> 2900",
                null);
        SystemRun baseline = new SystemRun("baseline", 11_000, 10_000, true, List.of(pass), new FixedRateRun(2000, 20,
                40_000, 40_000, baselineLatency, new MachineCpu(20, 0.4, 0.01)));
        SystemRun baselineAgain = new SystemRun("baseline", 0, 6_000, true, List.of(pass, fail), null);
        SystemRun service = new SystemRun("service", 4500, 4000, true, List.of(pass, fail), new FixedRateRun(2000, 20,
                40_000, 40_000, latency, new MachineCpu(20, 1.2, 0.02)));
        SystemRun slowService = new SystemRun("service", 2500, 2000, false, List.of(pass), new FixedRateRun(1000, 20,
                20_000, 20_000, latency, null));
        LatencySummary afterAnswer = new LatencySummary(4000, 3, 2, 4, 6, 9, 12);
        List<IntervalSample> timeline = List.of(
                new IntervalSample(1, "baseline recommendation probe", 0, 9000, 8800, 200, 5, 20, 30, 40, afterAnswer),
                new IntervalSample(2, "service <step> 4000/s", 4000, 4000, 3990, 300, 10, 50, 90, 100, afterAnswer),
                new IntervalSample(3, "service <step> 4000/s", 4000, 4000, 3990, 310, 11, 55, 95, 110, afterAnswer));
        HotSpots profile = new HotSpots("service.jfr", 1000,
                List.of(new HotSpot("io.streamlearn.recommend.TopK.select", 125, 12.5)),
                List.of(new HotSpot("io.streamlearn.topology.RecommendProcessor.process", 600, 60.0)),
                List.of(new HotSpot("java.lang.String.hashCode ← io.streamlearn.recommend.TopK.select:19", 90, 9.0)),
                List.of(new HotSpot("streamlearn-StreamThread-N", 700, 70.0)));
        GuaranteeRun eos = new GuaranteeRun("exactly_once_v2",
                List.of(WorkloadRun.measured("recommendation", 1, baseline, baselineAgain, service),
                        WorkloadRun.skipped("support", "service silent")),
                timeline, profile, List.of("a note"));
        GuaranteeRun alos = new GuaranteeRun("at_least_once",
                List.of(WorkloadRun.measured("recommendation", 1, baseline, null, slowService)), timeline, null,
                List.of());
        MachineInfo machine = new MachineInfo("Intel Test CPU", 2, 24.0, "Linux", "OpenJDK 17", "4.1.1", "0.5");
        RunSettings settings = new RunSettings("java -jar x.jar", List.of("exactly_once_v2", "at_least_once"),
                List.of("recommendation", "support"), "embedded", "target/quarkus-app/quarkus-run.jar", "abc123",
                List.of(), 42, 4, 6, 5000, 8, 4, 20, "../shared/data/clinc150/data_full.json",
                InteractionProfile.standard(), List.of());
        return new RunReport("lt1", "2026-01-01T00:00:00Z", 300, machine, settings, List.of(eos, alos));
    }
}
