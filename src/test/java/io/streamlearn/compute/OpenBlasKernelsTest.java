package io.streamlearn.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class OpenBlasKernelsTest {

    private static final Set<String> AVX512 = Set.of("fma", "avx2", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
    private static final Set<String> AVX2_ONLY = Set.of("fma", "avx", "avx2");

    @Test
    void autoChoosesAvx512KernelsWhereTheCpuHasAvx512() {
        assertEquals(Optional.of("SkylakeX"), OpenBlasKernels.choose("auto", AVX512));
    }

    @Test
    void autoChoosesAvx2KernelsWhereTheCpuHasAvx2ButNotAllOfAvx512() {
        assertEquals(Optional.of("Haswell"), OpenBlasKernels.choose("auto", AVX2_ONLY));
        assertEquals(Optional.of("Haswell"), OpenBlasKernels.choose("AUTO", Set.of("avx2", "fma", "avx512f")));
    }

    @Test
    void autoLeavesTheChoiceToOpenBlasWithoutAvx2() {
        assertEquals(Optional.empty(), OpenBlasKernels.choose("auto", Set.of("sse4_2", "avx")));
    }

    @Test
    void openblasSettingLeavesTheChoiceToOpenBlas() {
        assertEquals(Optional.empty(), OpenBlasKernels.choose("openblas", AVX512));
    }

    @Test
    void namedCoreTypeIsForced() {
        assertEquals(Optional.of("Haswell"), OpenBlasKernels.choose("Haswell", AVX512));
    }

    @Test
    void readsTheFirstProcessorsFlags() {
        List<String> cpuinfo = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "flags\t\t: fpu avx2 avx512f",
                "", "processor\t: 1", "flags\t\t: fpu");
        assertEquals(Set.of("fpu", "avx2", "avx512f"), OpenBlasKernels.flagsOf(cpuinfo));
        assertEquals(Set.of(), OpenBlasKernels.flagsOf(List.of("processor\t: 0")));
    }

    @Test
    void forcedCoreTypeIsWhatOpenBlasRuns() throws Exception {
        Map<String, String> outcome = probe("Sandybridge", Map.of());
        assertEquals("Sandybridge", outcome.get("running"));
        assertEquals("streamlearn.compute.openblas-core-type", outcome.get("reason"));
    }

    @Test
    void autoRunsAvx512KernelsOnAnAvx512CpuWhateverTheEnvironmentSays() throws Exception {
        assumeTrue(cpuFlags().contains("avx512bw"), "this CPU has no AVX-512: nothing to choose");
        Map<String, String> outcome = probe("auto", Map.of("OPENBLAS_CORETYPE", "Sandybridge"));
        assertEquals("SkylakeX", outcome.get("running"));
        assertEquals("this CPU has AVX-512; replaces OPENBLAS_CORETYPE=Sandybridge set outside the service",
                outcome.get("reason"));
    }

    @Test
    void openblasSettingKeepsAnEnvironmentVariableSetOutside() throws Exception {
        Map<String, String> outcome = probe("openblas", Map.of("OPENBLAS_CORETYPE", "Sandybridge"));
        assertEquals("Sandybridge", outcome.get("running"));
        assertEquals("OPENBLAS_CORETYPE=Sandybridge set outside the service", outcome.get("reason"));
    }

    private static Set<String> cpuFlags() throws IOException {
        return OpenBlasKernels.flagsOf(Files.readAllLines(Path.of("/proc/cpuinfo")));
    }

    /** Runs the probe in a fresh JVM (OpenBLAS reads its choice once, when it loads). */
    private static Map<String, String> probe(String setting, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                OpenBlasKernelsProbe.class.getName(), setting).redirectErrorStream(true);
        builder.environment().remove("OPENBLAS_CORETYPE");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "probe did not finish");
        assertEquals(0, process.exitValue(), output);
        Map<String, String> outcome = new HashMap<>();
        for (String line : output.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                outcome.put(line.substring(0, equals), line.substring(equals + 1).trim());
            }
        }
        return outcome;
    }
}
