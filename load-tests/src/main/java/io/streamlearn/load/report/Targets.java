package io.streamlearn.load.report;

/**
 * The figures the project is judged on: the service's sustained throughput as a share of the
 * baseline's, and the p99 produce→prediction latency at half the sustained rate per guarantee.
 */
public final class Targets {

    public static final double MIN_THROUGHPUT_RATIO = 0.3;

    private Targets() {
    }

    /** The p99 bound in ms for a processing guarantee. */
    public static double maxP99Millis(String guarantee) {
        return guarantee.equals("at_least_once") ? 30 : 250;
    }

    public static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }
}
