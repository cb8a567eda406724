package io.streamlearn.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.streamlearn.learn.ClassificationMetrics;
import io.streamlearn.learn.PrequentialMetrics;
import io.streamlearn.topology.ServingModels;

/** Publishes each model's prequential metrics on {@code /q/metrics} (prefix {@code streamlearn_}). */
@ApplicationScoped
public class ModelMetrics implements MeterBinder {

    @Inject
    ServingModels models;

    @Override
    public void bindTo(MeterRegistry registry) {
        bind(registry, "recommend", models.recommend().metrics());
        bind(registry, "intent", models.intent().metrics());
        bindClassification(registry, "intent", models.intentQuality());
    }

    static void bindClassification(MeterRegistry registry, String model, ClassificationMetrics q) {
        Gauge.builder("streamlearn.prequential.accuracy", q, ClassificationMetrics::accuracy)
                .tag("model", model).description("Test-then-train accuracy over labelled messages and feedback")
                .register(registry);
        Gauge.builder("streamlearn.prequential.macro.f1", q, ClassificationMetrics::macroF1)
                .tag("model", model).description("Test-then-train macro-F1 over the classes seen as labels")
                .register(registry);
        Gauge.builder("streamlearn.unknown.rate", q, ClassificationMetrics::unknownRate)
                .tag("model", model).description("Share of messages answered 'unknown' (out of scope)")
                .register(registry);
        FunctionCounter.builder("streamlearn.labelled", q, ClassificationMetrics::labelled)
                .tag("model", model).description("Labels received (labelled messages and feedback)")
                .register(registry);
    }

    static void bind(MeterRegistry registry, String model, PrequentialMetrics m) {
        Gauge.builder("streamlearn.prequential.hit.rate", m, PrequentialMetrics::hitRate)
                .tag("model", model).description("Test-then-train HR@K over relevant events").register(registry);
        Gauge.builder("streamlearn.prequential.mrr", m, PrequentialMetrics::meanReciprocalRank)
                .tag("model", model).description("Test-then-train mean reciprocal rank within the top-K")
                .register(registry);
        FunctionCounter.builder("streamlearn.predictions", m, PrequentialMetrics::predictions)
                .tag("model", model).description("Predictions published").register(registry);
        FunctionCounter.builder("streamlearn.updates", m, PrequentialMetrics::updates)
                .tag("model", model).description("Mini-batch updates applied (rate = updates/s)").register(registry);
        FunctionCounter.builder("streamlearn.examples.learned", m, PrequentialMetrics::examplesLearned)
                .tag("model", model).description("Examples learned").register(registry);
        Gauge.builder("streamlearn.minibatch.size", m, PrequentialMetrics::lastBatchSize)
                .tag("model", model).description("Size of the last mini-batch").register(registry);
        Gauge.builder("streamlearn.model.version", m, PrequentialMetrics::modelVersion)
                .tag("model", model).description("Highest model version among this instance's tasks")
                .register(registry);
    }
}
