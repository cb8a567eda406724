package io.streamlearn.load.report;

import java.util.List;

/** The whole result of one harness run; written as Markdown, JSON and an HTML chart. */
public record RunReport(String runTag, String startedAt, double elapsedSeconds, MachineInfo machine,
        RunSettings settings, List<GuaranteeRun> guarantees) {
}
