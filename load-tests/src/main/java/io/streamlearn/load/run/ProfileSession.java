package io.streamlearn.load.run;

import java.io.IOException;
import java.nio.file.Path;

import io.streamlearn.load.profile.HotSpots;
import io.streamlearn.load.profile.JfrHotSpots;
import io.streamlearn.load.service.FlightRecorder;

/**
 * One JFR recording of the service per guarantee, covering the service's load phases of the first
 * measured workload only: started after the service's warm-up, stopped right after its latency run,
 * so neither start-up nor the baseline's traffic through the service's embedded broker is in it. A
 * profiling failure is reported, never fatal: the figures stand without it.
 */
final class ProfileSession {

    private final FlightRecorder recorder;
    private final Path file;
    private boolean recording;
    private boolean done;
    private HotSpots hotSpots;
    private String failure;

    ProfileSession(FlightRecorder recorder, Path file) {
        this.recorder = recorder;
        this.file = file;
    }

    void startOnce() {
        if (recording || done || recorder == null || failure != null) {
            return;
        }
        try {
            recorder.start();
            recording = true;
        } catch (IOException | InterruptedException e) {
            failure = "JFR could not start: " + e.getMessage();
        }
    }

    /** Stops the recording (once) and reads its hot spots. */
    void finish() {
        if (!recording) {
            return;
        }
        recording = false;
        done = true;
        try {
            recorder.stopInto(file);
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
