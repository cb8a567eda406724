package io.streamlearn.load.run;

import io.streamlearn.load.generate.EventStream;

/**
 * One system under test for one workload: where its input goes, and the stream that feeds it.
 *
 * @param system "service" or "baseline" (labels phases and report rows)
 */
public record Target(String system, String workload, String inputTopic, EventStream events) {

    public String label(String phase) {
        return system + " " + workload + " " + phase;
    }
}
