package io.streamlearn.load.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class KernelsNoteTest {

    @Test
    void notesTheKernelsTheServiceReportedAtStartUp() {
        List<String> log = List.of("2026-11-24 17:14:14,801 INFO  [io.quarkus] (main) starting",
                "2026-11-24 17:14:15,030 INFO  [io.streamlearn.compute.ComputeStartup] (main) OpenBLAS kernels: "
                        + "SkylakeX (this CPU has AVX-512)",
                "2026-11-24 17:14:15,031 INFO  [io.streamlearn.compute.ComputeStartup] (main) ND4J CPU backend: 1");
        assertEquals(Optional.of("service OpenBLAS kernels: SkylakeX (this CPU has AVX-512)"),
                GuaranteeExperiment.kernelsNote(log));
    }

    @Test
    void notesNothingForAServiceThatDoesNotReportItsKernels() {
        assertEquals(Optional.empty(), GuaranteeExperiment.kernelsNote(List.of("INFO started", "")));
    }
}
