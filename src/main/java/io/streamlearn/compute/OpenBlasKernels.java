package io.streamlearn.compute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * Chooses which of OpenBLAS's CPU kernels the models' matrix products run on. The OpenBLAS that
 * ND4J 1.0.0-M2.1 ships (0.3.19) predates AMD's Zen 4 cores and mistakes them for a 2007 core
 * (Barcelona, SSE kernels). On the load-test machine's EPYC the answers' product (64 queries ×
 * 2,048 items × 64) ran at 20–24 GFLOP/s on those kernels, 80 on the Haswell (AVX2) kernels, and
 * 138 on the SkylakeX (AVX-512) kernels, which every CPU with AVX-512 can run. So by default the
 * kernels are chosen from the CPU's flags, not left to OpenBLAS's detection.
 *
 * <p>OpenBLAS reads a forced choice from the {@code OPENBLAS_CORETYPE} environment variable once,
 * when it loads, so the choice is put into this process's environment (libc {@code setenv}
 * through JNA) before anything loads it. The setting {@code openblas} leaves the choice, and any
 * such variable set outside, to OpenBLAS.
 */
public final class OpenBlasKernels {

    /** The setting that picks by CPU flags. */
    public static final String AUTO = "auto";
    /** The setting that leaves the choice to OpenBLAS: its detection, or an {@code OPENBLAS_CORETYPE} set outside. */
    public static final String DETECT = "openblas";
    private static final String VARIABLE = "OPENBLAS_CORETYPE";
    private static final String AVX512_CORE = "SkylakeX";
    private static final String AVX2_CORE = "Haswell";
    /** The AVX-512 subsets OpenBLAS's SkylakeX kernels are built for. */
    private static final Set<String> AVX512_FLAGS = Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
    private static final Set<String> AVX2_FLAGS = Set.of("avx2", "fma");

    private OpenBlasKernels() {
    }

    /** The outcome: the core type forced (none: OpenBLAS chose), why, and what OpenBLAS runs. */
    public record Choice(Optional<String> coreType, String reason, String running) {
        /** Whether OpenBLAS runs what was asked (it may have loaded before the choice was made). */
        public boolean took() {
            return coreType.isEmpty() || coreType.get().equalsIgnoreCase(running);
        }
    }

    /**
     * Chooses the kernels, then loads OpenBLAS and asks it which it runs.
     *
     * @param setting {@link #AUTO}, {@link #DETECT}, or a core type OpenBLAS knows ({@code Haswell}, {@code SkylakeX}, ...)
     */
    public static Choice apply(String setting) {
        Optional<String> coreType = choose(setting, cpuFlags());
        String outside = System.getenv(VARIABLE);
        String reason;
        if (coreType.isEmpty()) {
            reason = outside == null ? "OpenBLAS's own detection" : VARIABLE + "=" + outside + " set outside the service";
        } else {
            reason = !setting.equalsIgnoreCase(AUTO) ? "streamlearn.compute.openblas-core-type"
                    : coreType.get().equals(AVX512_CORE) ? "this CPU has AVX-512" : "this CPU has AVX2 and FMA";
            if (outside != null && !outside.equalsIgnoreCase(coreType.get())) {
                reason += "; replaces " + VARIABLE + "=" + outside + " set outside the service";
            }
            reason += setVariable(coreType.get());
        }
        return new Choice(coreType, reason, runningCore());
    }

    /** The core type to force for a setting on a CPU with these flags; empty: OpenBLAS chooses. */
    static Optional<String> choose(String setting, Set<String> cpuFlags) {
        if (setting.equalsIgnoreCase(DETECT)) {
            return Optional.empty();
        }
        if (setting.equalsIgnoreCase(AUTO)) {
            if (cpuFlags.containsAll(AVX512_FLAGS)) {
                return Optional.of(AVX512_CORE);
            }
            return cpuFlags.containsAll(AVX2_FLAGS) ? Optional.of(AVX2_CORE) : Optional.empty();
        }
        return Optional.of(setting);
    }

    /** The flags of the first processor in {@code /proc/cpuinfo}'s text. */
    static Set<String> flagsOf(List<String> cpuinfo) {
        return cpuinfo.stream()
                .filter(line -> line.startsWith("flags"))
                .findFirst()
                .map(line -> Arrays.stream(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    /** This machine's CPU flags; none where {@code /proc/cpuinfo} cannot be read (not Linux). */
    private static Set<String> cpuFlags() {
        try {
            return flagsOf(Files.readAllLines(Path.of("/proc/cpuinfo")));
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    /**
     * Puts the choice into the environment; returns what to add to the reason when that failed.
     * A host where JNA cannot load (no writable temporary directory for its native part) still
     * serves, on the kernels OpenBLAS chooses, and says so.
     */
    private static String setVariable(String coreType) {
        try {
            LibC.INSTANCE.setenv(VARIABLE, coreType, 1);
            return "";
        } catch (LinkageError e) {
            return "; could not set " + VARIABLE + ": " + e;
        }
    }

    /** Loads OpenBLAS (when nothing has yet) and returns the name of the kernels it runs. */
    private static String runningCore() {
        String library = Loader.load(openblas_nolapack.class);
        try {
            return NativeLibrary.getInstance(library).getFunction("openblas_get_corename").invokeString(new Object[0], false);
        } catch (LinkageError | RuntimeException e) {
            return "unknown (" + e + ")";
        }
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int setenv(String name, String value, int overwrite);
    }
}
