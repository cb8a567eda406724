package io.streamlearn.load.report;

import java.util.List;

import io.streamlearn.load.generate.InteractionProfile;

/** The knobs that produced a report, recorded with it so a figure can be reproduced. */
public record RunSettings(String command, List<String> guarantees, List<String> workloads, String broker,
        String serviceJar, String serviceCommit, List<String> serviceJvmArgs, long seed, double warmupSeconds,
        double probeSeconds, int probeWindow, double stepSeconds, int maxSteps, double fixedSeconds,
        String supportData, InteractionProfile interactionProfile, List<String> streamsProperties) {
}
