package io.streamlearn.load.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine's cumulative CPU time over all cores, from {@code /proc/stat}, in its own ticks.
 * Everything the harness measures shares the machine, so what a phase cost the whole machine, and
 * what the hypervisor took from it (steal), tell a slow run from a slow system.
 *
 * @param cores cores counted in the totals
 * @param busy ticks spent running anything (user, nice, system, irq, softirq)
 * @param steal ticks the hypervisor gave to another guest while this one wanted to run
 * @param total all ticks, idle and I/O wait included
 */
public record CpuTicks(int cores, long busy, long steal, long total) {

    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** The current totals, or empty where there is no {@code /proc/stat} (not Linux). */
    public static Optional<CpuTicks> read() {
        try {
            return parse(Files.readAllLines(PROC_STAT));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * From the lines of {@code /proc/stat}: the aggregate {@code cpu} line's user, nice, system, idle,
     * iowait, irq, softirq and steal fields (guest time is already inside user and nice).
     */
    static Optional<CpuTicks> parse(List<String> lines) {
        int cores = (int) lines.stream().filter(line -> line.matches("cpu\\d+ .*")).count();
        return lines.stream().filter(line -> line.startsWith("cpu ")).findFirst().map(line -> {
            String[] fields = line.trim().split("\\s+");
            long[] ticks = new long[8];
            for (int i = 0; i < ticks.length && i + 1 < fields.length; i++) {
                ticks[i] = Long.parseLong(fields[i + 1]);
            }
            long busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6];
            long total = busy + ticks[3] + ticks[4] + ticks[7];
            return new CpuTicks(Math.max(1, cores), busy, ticks[7], total);
        });
    }

    /** What the machine did between {@code start} and these totals, {@code seconds} apart. */
    public MachineCpu since(CpuTicks start, double seconds) {
        long elapsed = total - start.total;
        if (elapsed <= 0) {
            return new MachineCpu(seconds, 0, 0);
        }
        return new MachineCpu(seconds, cores * (double) (busy - start.busy) / elapsed,
                cores * (double) (steal - start.steal) / elapsed);
    }
}
