package io.streamlearn.load.run;

import java.io.IOException;
import java.nio.file.Path;

import io.streamlearn.load.profile.HotSpots;
import io.streamlearn.load.profile.JfrHotSpots;
import io.streamlearn.load.service.FlightRecorder;

/**
 * One JFR recording of the service spanning all of its load phases under one guarantee (started
 * after its first warm-up, stopped after its last latency run). A profiling failure is reported,
 * never fatal: the figures stand without it.
 */
final class ProfileSession {

    private final FlightRecorder recorder;
    private final Path file;
    private boolean recording;
    private String failure;

    ProfileSession(FlightRecorder recorder, Path file) {
        this.recorder = recorder;
        this.file = file;
    }

    void startOnce() {
        if (recording || recorder == null || failure != null) {
            return;
        }
        try {
            recorder.start();
            recording = true;
        } catch (IOException | InterruptedException e) {
            failure = "JFR could not start: " + e.getMessage();
        }
    }

    /** Stops the recording and reads its hot spots; null when there is no profile. */
    HotSpots finish() {
        if (!recording) {
            return null;
        }
        recording = false;
        try {
            recorder.stopInto(file);
            return JfrHotSpots.read(file, 15);
        } catch (IOException | InterruptedException e) {
            failure = "JFR profile unavailable: " + e.getMessage();
            return null;
        }
    }

    String failure() {
        return failure;
    }
}
