package io.streamlearn.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
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
