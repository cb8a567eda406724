package io.streamlearn.load.run;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import io.streamlearn.load.measure.CpuTicks;
import io.streamlearn.load.measure.InFlightLedger;
import io.streamlearn.load.measure.IntervalSample;
import io.streamlearn.load.measure.LatencyMeter;
import io.streamlearn.load.measure.LatencySummary;
import io.streamlearn.load.measure.MachineCpu;
import io.streamlearn.load.measure.RunClock;
import io.streamlearn.load.produce.LoadProducer;
import io.streamlearn.load.produce.SendResult;
import io.streamlearn.load.report.FixedRateRun;
import io.streamlearn.load.search.StepOutcome;
import io.streamlearn.load.search.StepVerdict;
import io.streamlearn.load.search.SustainedRateSearch;

/**
 * Runs the phases of a measurement against one target: warm-up, closed-loop capacity probe,
 * open-loop step search for the sustained rate, fixed-rate latency run. Every phase waits for the
 * previous one's answers to drain first, so each is measured on its own.
 */
final class PhaseRunner {

    private static final int WARMUP_WINDOW = 100;
    /**
     * Unanswered events while the warm-up waits for a steady stream: under exactly_once_v2 answers
     * come with the commit, every 100 ms, so 100 in flight would send only ~1,000 events/s.
     */
    private static final int SETTLE_WINDOW = 2_000;
    private static final Duration DRAIN_STALL = Duration.ofSeconds(5);
    private static final Duration DRAIN_MAX = Duration.ofSeconds(60);
    /** Longest a warm-up goes on past its set time for the stream to become steady. */
    private static final Duration SETTLE_MAX = Duration.ofSeconds(240);

    private final LoadProducer producer;
    private final InFlightLedger ledger;
    private final LatencyMeter meter;
    private final RunClock clock;
    private final LoadOptions options;
    /** Events written off as never answered; later drains wait only for the rest. */
    private long neverAnswered;

    PhaseRunner(LoadProducer producer, InFlightLedger ledger, LatencyMeter meter, RunClock clock, LoadOptions options) {
        this.producer = producer;
        this.ledger = ledger;
        this.meter = meter;
        this.clock = clock;
        this.options = options;
    }

    /**
     * Lets the JIT, caches and (for the service) the model settle; not measured. A small window,
     * so a slow system is not buried under a backlog it then needs minutes to work off.
     */
    void warmUp(Target target) throws InterruptedException {
        meter.beginPhase(target.label("warm-up"), 0);
        producer.closedLoop(target.inputTopic(), target.events(), WARMUP_WINDOW, seconds(options.warmupSeconds()));
        untilSteady(target);
        drain();
        meter.endPhase();
    }

    /**
     * Goes on warming up while the stream still changes shape (the generator's catalogue grows with
     * every event sent, up to its cap). Otherwise a search's overloaded steps, which send more events,
     * would leave a larger model for the steps after them, and the sustained rate found would depend
     * on the search's path.
     */
    private void untilSteady(Target target) {
        long started = clock.nowNanos();
        long deadline = started + SETTLE_MAX.toNanos();
        while (!target.events().steady() && clock.nowNanos() < deadline) {
            producer.closedLoop(target.inputTopic(), target.events(), SETTLE_WINDOW, Duration.ofSeconds(1));
        }
        double extra = (clock.nowNanos() - started) / 1e9;
        if (!target.events().steady()) {
            Console.say("%s: the input stream is still not steady after %.0f s more warm-up; measuring anyway",
                    target.label("warm-up"), extra);
        } else if (extra >= 1) {
            Console.say("%s: %.0f s more warm-up, until the input stream was steady", target.label("warm-up"), extra);
        }
    }

    /**
     * Estimates capacity closed-loop: in one-second slices, the window of unanswered events doubles
     * as long as the answered rate keeps rising by more than 10 % and the window holds less than
     * half a second of work; the best slice's rate is the estimate. The window grows only while it
     * helps, so the backlog left to drain stays small.
     */
    double probe(Target target) throws InterruptedException {
        meter.beginPhase(target.label("probe"), 0);
        int window = WARMUP_WINDOW;
        double best = 0;
        long end = clock.nowNanos() + seconds(options.probeSeconds()).toNanos();
        while (clock.nowNanos() < end) {
            long answeredBefore = ledger.answered();
            long start = clock.nowNanos();
            producer.closedLoop(target.inputTopic(), target.events(), window, Duration.ofSeconds(1));
            double rate = (ledger.answered() - answeredBefore) / ((clock.nowNanos() - start) / 1e9);
            // Grow only while the window is what limits the rate: once it holds half a second of
            // work, more in flight would only queue.
            if (rate > best * 1.1 && window < rate * 0.5 && window < options.probeWindow()) {
                window = Math.min(window * 2, options.probeWindow());
            }
            best = Math.max(best, rate);
        }
        drain();
        meter.endPhase();
        Console.say("%s: probe answered up to %.0f ev/s (window %d)", target.system(), best, window);
        return best;
    }

    /** Open-loop steps from the capacity estimate until the highest sustained rate is pinned down. */
    SustainedRateSearch search(Target target, double capacityEstimate) throws InterruptedException {
        SustainedRateSearch search = SustainedRateSearch.standard(capacityEstimate, options.maxSteps());
        OptionalDouble rate;
        while ((rate = search.nextRate()).isPresent()) {
            StepOutcome outcome = step(target, rate.getAsDouble());
            Console.say("%s: step %.0f ev/s -> answered %.0f ev/s, backlog %d -> %d: %s%s", target.system(),
                    outcome.targetRate(), outcome.answeredRate(), outcome.outstandingAtMiddle(),
                    outcome.outstandingAtEnd(), outcome.reason(), outcome.cpu() == null ? ""
                            : String.format(Locale.ROOT, " (machine %.2f cores busy, %.2f stolen)",
                                    outcome.cpu().busyCores(), outcome.cpu().stealCores()));
            search.record(outcome);
        }
        return search;
    }

    StepOutcome step(Target target, double rate) throws InterruptedException {
        meter.beginPhase(target.label(String.format(Locale.ROOT, "step %.0f/s", rate)), rate);
        double startSeconds = clock.secondsAt(clock.nowNanos());
        long answeredBefore = ledger.answered();
        Optional<CpuTicks> cpuAtStart = CpuTicks.read();
        SendResult sent = producer.openLoop(target.inputTopic(), target.events(), rate, seconds(options.stepSeconds()));
        MachineCpu cpu = cpuSince(cpuAtStart, sent.seconds());
        long outstandingAtEnd = ledger.outstanding();
        double elapsed = sent.seconds();
        double answeredRate = (ledger.answered() - answeredBefore) / elapsed;
        meter.tick();
        long outstandingAtMiddle = outstandingNear(meter.samplesSince(startSeconds), startSeconds + elapsed / 2);
        double drainSeconds = drain();
        meter.endPhase();
        return StepVerdict.standard().judge(rate, options.stepSeconds(), sent.sent() / elapsed, answeredRate,
                outstandingAtMiddle, outstandingAtEnd, drainSeconds, sent.lateNanos() / 1e6).withCpu(cpu);
    }

    /** Offers a fixed rate and records every answer's latency, including those that arrive after the last send. */
    FixedRateRun fixedRate(Target target, double rate) throws InterruptedException {
        meter.beginPhase(target.label(String.format(Locale.ROOT, "latency %.0f/s", rate)), rate);
        long answeredBefore = ledger.answered();
        long startNanos = clock.nowNanos();
        Optional<CpuTicks> cpuAtStart = CpuTicks.read();
        SendResult sent = producer.openLoop(target.inputTopic(), target.events(), rate, seconds(options.fixedSeconds()));
        drain();
        MachineCpu cpu = cpuSince(cpuAtStart, (clock.nowNanos() - startNanos) / 1e9);
        LatencySummary latency = LatencySummary.of(meter.endPhase());
        FixedRateRun run = new FixedRateRun(rate, sent.seconds(), sent.sent(), ledger.answered() - answeredBefore,
                latency, cpu);
        Console.say("%s: %.0f ev/s for %.0f s -> p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms; machine %s",
                target.system(), rate, run.seconds(), latency.p50Ms(), latency.p99Ms(), latency.p999Ms(),
                latency.maxMs(), cpu == null ? "CPU unknown" : String.format(Locale.ROOT,
                        "%.0f us CPU per event, %.2f cores busy, %.2f stolen", run.machineMicrosPerEvent(),
                        cpu.busyCores(), cpu.stealCores()));
        return run;
    }

    /**
     * Sends a few events at a gentle rate and reports whether any answer comes back in time: how the
     * harness finds out whether the service handles a workload at all.
     */
    boolean answers(Target target, int events, Duration timeout) throws InterruptedException {
        meter.beginPhase(target.label("answer check"), 0);
        long answeredBefore = ledger.answered();
        producer.openLoop(target.inputTopic(), target.events(), events / 2.0, Duration.ofSeconds(2));
        long deadline = clock.nowNanos() + timeout.toNanos();
        while (ledger.answered() == answeredBefore && clock.nowNanos() < deadline) {
            Thread.sleep(50);
        }
        boolean answered = ledger.answered() > answeredBefore;
        drain();
        meter.endPhase();
        return answered;
    }

    /**
     * Waits until every sent event is answered, or until answers stop coming (an event that is
     * never answered, e.g. dead-lettered, must not hang the run).
     * @return seconds until everything was answered, or infinity if it never was
     */
    double drain() throws InterruptedException {
        long started = clock.nowNanos();
        long deadline = clock.nowNanos() + DRAIN_MAX.toNanos();
        long lastProgress = clock.nowNanos();
        long lastOutstanding = ledger.outstanding();
        while (ledger.outstanding() > neverAnswered && clock.nowNanos() < deadline) {
            Thread.sleep(20);
            long outstanding = ledger.outstanding();
            if (outstanding < lastOutstanding) {
                lastOutstanding = outstanding;
                lastProgress = clock.nowNanos();
            } else if (clock.nowNanos() - lastProgress > DRAIN_STALL.toNanos()) {
                break;
            }
        }
        long unanswered = ledger.outstanding() - neverAnswered;
        if (unanswered > 0) {
            Console.say("warning: %d events still unanswered after draining; not waiting for them again", unanswered);
            neverAnswered += unanswered;
            return Double.POSITIVE_INFINITY;
        }
        return (clock.nowNanos() - started) / 1e9;
    }

    long neverAnswered() {
        return neverAnswered;
    }

    /** The machine's CPU since {@code start}, or null where it cannot be read. */
    private static MachineCpu cpuSince(Optional<CpuTicks> start, double seconds) {
        return start.flatMap(begin -> CpuTicks.read().map(end -> end.since(begin, seconds))).orElse(null);
    }

    private static long outstandingNear(List<IntervalSample> samples, double atSeconds) {
        return samples.stream()
                .min(Comparator.comparingDouble(sample -> Math.abs(sample.atSeconds() - atSeconds)))
                .map(IntervalSample::outstanding)
                .orElse(0L);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
