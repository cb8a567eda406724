package io.streamlearn.load.report;

import java.util.List;

import io.streamlearn.load.measure.IntervalSample;
import io.streamlearn.load.profile.HotSpots;

/** Everything measured with the service started under one processing guarantee. */
public record GuaranteeRun(String guarantee, List<WorkloadRun> workloads, List<IntervalSample> timeline,
        HotSpots profile, List<String> notes) {
}
