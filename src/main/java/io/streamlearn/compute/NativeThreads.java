package io.streamlearn.compute;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Caps the threads ND4J's native code (libnd4j and OpenBLAS) uses per operation. Our operations
 * are small (a mini-batch, a group of answers) and the stream threads already keep the cores busy;
 * with more native threads than free cores, every operation waits at an OpenMP barrier for threads
 * the scheduler has not run yet. Measured on 2 shared cores: 1 thread served 3–9× more events per
 * second than ND4J's default of one per core.
 */
public final class NativeThreads {

    private NativeThreads() {
    }

    public static void limitTo(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
