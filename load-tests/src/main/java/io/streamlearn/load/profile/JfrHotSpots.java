package io.streamlearn.load.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Aggregates {@code jdk.ExecutionSample} events of a recording (the same data as
 * {@code jfr print --events jdk.ExecutionSample}) into the top methods and threads.
 */
public final class JfrHotSpots {

    private static final String SERVICE_PACKAGE = "io.streamlearn.";

    private JfrHotSpots() {
    }

    public static HotSpots read(Path recording, int top) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                samples++;
                RecordedThread thread = event.getThread("sampledThread");
                threads.merge(thread == null ? "?" : threadGroupName(thread.getJavaName()), 1L, Long::sum);
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                self.merge(nameOf(stack.getFrames().get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : stack.getFrames()) {
                    String name = nameOf(frame);
                    if (name.startsWith(SERVICE_PACKAGE) && seen.add(name)) {
                        inclusive.merge(name, 1L, Long::sum);
                    }
                }
            }
        }
        return new HotSpots(recording.getFileName().toString(), samples, ranked(self, samples, top),
                ranked(inclusive, samples, top), ranked(threads, samples, top));
    }

    /** Threads that differ only by a trailing number (e.g. broker I/O threads) count as one. */
    static String threadGroupName(String name) {
        return name == null ? "?" : name.replaceAll("-\\d+$", "-N").replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<uuid>");
    }

    private static String nameOf(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }

    static List<HotSpot> ranked(Map<String, Long> counts, long total, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(entry -> new HotSpot(entry.getKey(), entry.getValue(),
                        total == 0 ? 0 : 100.0 * entry.getValue() / total))
                .toList();
    }
}
