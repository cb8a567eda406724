package io.streamlearn.load.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import io.streamlearn.load.profile.HotSpots;
import io.streamlearn.load.profile.JfrHotSpots;
import io.streamlearn.load.service.FlightRecorder;

/**
 * The service's JFR profile per guarantee, covering the service's load phases of the first measured
 * workload only: the window from the end of the service's warm-up to the end of its latency run is
 * written out of the recording that runs since launch, so neither start-up nor the baseline's
 * traffic through the service's embedded broker is in it. A profiling failure is reported, never
 * fatal: the figures stand without it.
 */
final class ProfileSession {

    private final FlightRecorder recorder;
    private final Path file;
    private Instant begin;
    private boolean done;
    private HotSpots hotSpots;
    private String failure;

    ProfileSession(FlightRecorder recorder, Path file) {
        this.recorder = recorder;
        this.file = file;
    }

    /** Marks the start of the window (once). */
    void startOnce() {
        if (begin != null || done || recorder == null) {
            return;
        }
        begin = Instant.now();
    }

    /** Writes the window out (once) and reads its hot spots. */
    void finish() {
        if (begin == null || done) {
            return;
        }
        done = true;
        try {
            recorder.dumpSince(begin, file);
            hotSpots = JfrHotSpots.read(file, 15);
        } catch (IOException | InterruptedException e) {
            failure = "JFR profile unavailable: " + e.getMessage();
        }
    }

    /** The hot spots of the finished recording; null when there is none. */
    HotSpots hotSpots() {
        finish();
        return hotSpots;
    }

    String failure() {
        return failure;
    }
}
