package io.streamlearn.learn;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Test-then-train quality of a classifier: every label that arrives is compared with the answer
 * published for that message before the label was learned. Macro-F1 averages the per-class F1 over
 * every class seen as a true label; an {@code unknown} answer counts as a miss for the true class and
 * as nobody's false positive. Also counts how often {@code unknown} is answered at all. Thread-safe.
 */
public final class ClassificationMetrics {

    private final String unknown;
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong unknownAnswers = new AtomicLong();
    private final AtomicLong labelled = new AtomicLong();
    private final AtomicLong correct = new AtomicLong();
    private final ConcurrentMap<String, ClassCounts> byClass = new ConcurrentHashMap<>();

    private static final class ClassCounts {
        final LongAdder truePositives = new LongAdder();
        final LongAdder falsePositives = new LongAdder();
        final LongAdder falseNegatives = new LongAdder();
        volatile boolean seenAsLabel;
    }

    public ClassificationMetrics(String unknown) {
        this.unknown = unknown;
    }

    public void recordAnswer(String answered) {
        answers.incrementAndGet();
        if (unknown.equals(answered)) {
            unknownAnswers.incrementAndGet();
        }
    }

    /** A label for a message that was answered {@code answered} before the label was known. */
    public void recordLabelled(String answered, String label) {
        labelled.incrementAndGet();
        ClassCounts truth = counts(label);
        truth.seenAsLabel = true;
        if (label.equals(answered)) {
            correct.incrementAndGet();
            truth.truePositives.increment();
            return;
        }
        truth.falseNegatives.increment();
        if (!unknown.equals(answered)) {
            counts(answered).falsePositives.increment();
        }
    }

    public long answers() { return answers.get(); }
    public long labelled() { return labelled.get(); }

    public double accuracy() {
        long n = labelled.get();
        return n == 0 ? 0 : (double) correct.get() / n;
    }

    public double unknownRate() {
        long n = answers.get();
        return n == 0 ? 0 : (double) unknownAnswers.get() / n;
    }

    public double macroF1() {
        double sum = 0;
        int classes = 0;
        for (ClassCounts c : byClass.values()) {
            if (!c.seenAsLabel) {
                continue;
            }
            long tp = c.truePositives.sum();
            long denominator = 2 * tp + c.falsePositives.sum() + c.falseNegatives.sum();
            sum += denominator == 0 ? 0 : 2.0 * tp / denominator;
            classes++;
        }
        return classes == 0 ? 0 : sum / classes;
    }

    private ClassCounts counts(String label) {
        return byClass.computeIfAbsent(label, l -> new ClassCounts());
    }
}
