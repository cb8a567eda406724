package io.streamlearn.load.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.common.utils.AppInfoParser;

/** The machine and software a report was measured on. */
public record MachineInfo(String cpuModel, int logicalCores, double memoryGiB, String os, String java,
        String kafkaClients, String loadAverageAtStart) {

    public static MachineInfo current() {
        return new MachineInfo(readCpuModel(), Runtime.getRuntime().availableProcessors(), readMemoryGiB(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                AppInfoParser.getVersion(), loadAverage());
    }

    private static String readCpuModel() {
        return lines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown");
    }

    private static double readMemoryGiB() {
        return lines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> line.replaceAll("[^0-9]", ""))
                .mapToDouble(kib -> Long.parseLong(kib) / 1024.0 / 1024.0)
                .findFirst().orElse(0);
    }

    private static String loadAverage() {
        List<String> lines = lines(Path.of("/proc/loadavg"));
        return lines.isEmpty() ? "unknown" : lines.get(0);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
