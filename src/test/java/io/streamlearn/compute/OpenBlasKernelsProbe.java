package io.streamlearn.compute;

/** Applies a kernel setting in a fresh JVM, before anything loaded OpenBLAS, and prints the outcome. */
public final class OpenBlasKernelsProbe {

    private OpenBlasKernelsProbe() {
    }

    public static void main(String[] args) {
        OpenBlasKernels.Choice choice = OpenBlasKernels.apply(args[0]);
        System.out.println("running=" + choice.running());
        System.out.println("reason=" + choice.reason());
    }
}
