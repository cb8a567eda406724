package io.streamlearn.load.search;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Chooses the rates of the fixed-rate steps that find the highest sustained rate, starting from a
 * capacity estimate (from a closed-loop probe): the first step offers a share of the estimate; while
 * steps pass, the rate rises by {@code upFactor}; once one fails after a pass, the search stops; if
 * the very first fails, the rate falls by {@code downFactor} until one passes. The answer is the
 * highest rate that passed, so it is a rate actually observed to be sustained, never extrapolated.
 */
public final class SustainedRateSearch {

    private final double upFactor;
    private final double downFactor;
    private final double minRate;
    private final int maxSteps;
    private final List<StepOutcome> outcomes = new ArrayList<>();
    private double nextRate;
    private boolean finished;

    public SustainedRateSearch(double capacityEstimate, double firstShare, double upFactor, double downFactor,
            double minRate, int maxSteps) {
        if (upFactor <= 1 || downFactor <= 0 || downFactor >= 1 || maxSteps < 1) {
            throw new IllegalArgumentException("need upFactor > 1, 0 < downFactor < 1, maxSteps >= 1");
        }
        this.upFactor = upFactor;
        this.downFactor = downFactor;
        this.minRate = minRate;
        this.maxSteps = maxSteps;
        this.nextRate = Math.max(minRate, roundRate(capacityEstimate * firstShare));
    }

    public static SustainedRateSearch standard(double capacityEstimate, int maxSteps) {
        return new SustainedRateSearch(capacityEstimate, 0.8, 1.15, 0.7, 50, maxSteps);
    }

    /** The rate of the next step, or empty when the search is over. */
    public OptionalDouble nextRate() {
        return finished ? OptionalDouble.empty() : OptionalDouble.of(nextRate);
    }

    public void record(StepOutcome outcome) {
        outcomes.add(outcome);
        boolean anyPassed = outcomes.stream().anyMatch(StepOutcome::sustained);
        if (outcomes.size() >= maxSteps) {
            finished = true;
        } else if (outcome.sustained()) {
            nextRate = roundRate(outcome.targetRate() * upFactor);
        } else if (anyPassed) {
            finished = true;
        } else {
            double lower = roundRate(outcome.targetRate() * downFactor);
            finished = lower < minRate;
            nextRate = lower;
        }
    }

    /** The highest rate observed sustained; 0 when none was. */
    public double sustainedRate() {
        return outcomes.stream().filter(StepOutcome::sustained).mapToDouble(StepOutcome::targetRate).max().orElse(0);
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
