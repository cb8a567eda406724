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
        Map<String, Long> callSites = new HashMap<>();
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
                String topFrame = nameOf(stack.getFrames().get(0));
                self.merge(topFrame, 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                String callSite = null;
                for (RecordedFrame frame : stack.getFrames()) {
                    String name = nameOf(frame);
                    if (!isServiceCode(name)) {
                        continue;
                    }
                    if (callSite == null) {
                        callSite = name + ":" + frame.getLineNumber();
                    }
                    if (seen.add(name)) {
                        inclusive.merge(name, 1L, Long::sum);
                    }
                }
                if (callSite != null) {
                    callSites.merge(topFrame.equals(callSite.substring(0, callSite.indexOf(':'))) ? callSite
                            : topFrame + " ← " + callSite, 1L, Long::sum);
                }
            }
        }
        return new HotSpots(recording.getFileName().toString(), samples, ranked(self, samples, top),
                ranked(inclusive, samples, top), ranked(callSites, samples, top), ranked(threads, samples, top));
    }

    /** The service's own code; generated lambda classes only forward, so they are left out. */
    static boolean isServiceCode(String method) {
        return method.startsWith(SERVICE_PACKAGE) && !method.contains("$$Lambda");
    }

    /** Prints a recording's hot spots: {@code java -cp 'load-tests/target/lib/*:load-tests/target/streamlearn-load-tests.jar' io.streamlearn.load.profile.JfrHotSpots FILE.jfr}. */
    public static void main(String[] args) throws IOException {
        HotSpots spots = read(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 15);
        System.out.printf("%s: %d execution samples%n", spots.recording(), spots.samples());
        print("top frames (self)", spots.topFrames());
        print("service methods (inclusive)", spots.serviceMethods());
        print("call sites (top frame ← service line)", spots.callSites());
        print("threads", spots.threads());
    }

    private static void print(String title, List<HotSpot> spots) {
        System.out.println();
        System.out.println(title + ":");
        spots.forEach(spot -> System.out.printf("  %5.1f%%  %6d  %s%n", spot.percent(), spot.samples(), spot.name()));
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
