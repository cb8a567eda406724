package io.streamlearn.load.search;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Chooses the rates of the fixed-rate steps that find the highest sustained rate, starting from a
 * capacity estimate (from a closed-loop probe). The first step offers a share of the estimate; until
 * a step fails the rate climbs by {@code upFactor}, and until one passes it falls by
 * {@code downFactor}; once there is a passing rate below a failing one, the search bisects between
 * them until they are within {@code precision} of each other or the step budget is spent. The
 * answer is the highest rate that passed: a rate observed to be sustained, never extrapolated.
 */
public final class SustainedRateSearch {

    private final double upFactor;
    private final double downFactor;
    private final double minRate;
    private final double precision;
    private final int maxSteps;
    private final List<StepOutcome> outcomes = new ArrayList<>();
    private double nextRate;
    private boolean finished;

    public SustainedRateSearch(double capacityEstimate, double firstShare, double upFactor, double downFactor,
            double minRate, double precision, int maxSteps) {
        if (upFactor <= 1 || downFactor <= 0 || downFactor >= 1 || precision <= 0 || maxSteps < 1) {
            throw new IllegalArgumentException("need upFactor > 1, 0 < downFactor < 1, precision > 0, maxSteps >= 1");
        }
        this.upFactor = upFactor;
        this.downFactor = downFactor;
        this.minRate = minRate;
        this.precision = precision;
        this.maxSteps = maxSteps;
        this.nextRate = Math.max(minRate, roundRate(capacityEstimate * firstShare));
    }

    /**
     * From 80 % of the estimate, ×2 up (a closed-loop probe tends to underestimate what a system
     * sustains open-loop, so the climb must be quick) or ×0.7 down, bisect to within 10 %, rates of
     * at least 10/s.
     */
    public static SustainedRateSearch standard(double capacityEstimate, int maxSteps) {
        return new SustainedRateSearch(capacityEstimate, 0.8, 2.0, 0.7, 10, 0.1, maxSteps);
    }

    /** The rate of the next step, or empty when the search is over. */
    public OptionalDouble nextRate() {
        return finished ? OptionalDouble.empty() : OptionalDouble.of(nextRate);
    }

    public void record(StepOutcome outcome) {
        outcomes.add(outcome);
        double highestPass = sustainedRate();
        double lowestFail = outcomes.stream().filter(o -> !o.sustained()).mapToDouble(StepOutcome::targetRate)
                .min().orElse(Double.POSITIVE_INFINITY);
        if (outcomes.size() >= maxSteps) {
            finished = true;
        } else if (highestPass == 0) {
            nextRate = roundRate(lowestFail * downFactor);
            finished = nextRate < minRate;
        } else if (Double.isInfinite(lowestFail)) {
            nextRate = roundRate(highestPass * upFactor);
        } else {
            double middle = roundRate((highestPass + lowestFail) / 2);
            finished = lowestFail - highestPass <= precision * highestPass || middle <= highestPass
                    || middle >= lowestFail;
            nextRate = middle;
        }
    }

    /** The highest rate observed sustained; 0 when none was. */
    public double sustainedRate() {
        return outcomes.stream().filter(StepOutcome::sustained).mapToDouble(StepOutcome::targetRate).max().orElse(0);
    }

    /** Whether the answer is pinned between a pass and a failure (otherwise it is a lower bound). */
    public boolean bracketed() {
        return outcomes.stream().anyMatch(o -> !o.sustained() && o.targetRate() > sustainedRate())
                && sustainedRate() > 0;
    }

    public List<StepOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Two significant digits: rates that read well in a report and are far apart enough to matter. */
    static double roundRate(double rate) {
        if (rate <= 0) {
            return 0;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rate)) - 1);
        return Math.round(rate / magnitude) * magnitude;
    }
}
