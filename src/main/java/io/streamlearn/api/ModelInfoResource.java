package io.streamlearn.api;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.streamlearn.checkpoint.ModelProvenance;
import io.streamlearn.intent.IntentClassifier;
import io.streamlearn.learn.ClassificationMetrics;
import io.streamlearn.learn.PrequentialMetrics;
import io.streamlearn.topology.ServingModels;

/**
 * What the models of this instance are doing: {@code /api/models/{kind}} (public: version and
 * prequential metrics) and {@code /api/admin/models/{kind}} (admin: adds each task's provenance,
 * i.e. configuration and library versions).
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ModelInfoResource {

    public record ModelSummary(String model, long modelVersion, int tasks, long predictions, long updates,
            long examplesLearned, double hitRate, double meanReciprocalRank) {
    }

    /**
     * The intent models' summary: test-then-train accuracy and macro-F1 over labelled messages and
     * feedback, the share of messages answered {@code unknown}, and each task's out-of-scope threshold.
     */
    public record IntentSummary(String model, long modelVersion, int tasks, long predictions, long updates,
            long examplesLearned, long labelled, double accuracy, double macroF1, double unknownRate,
            List<String> intents, List<Double> thresholds) {
    }

    public record ModelDetails(Object summary, List<ModelProvenance> provenance) {
    }

    @Inject
    ServingModels models;

    @GET
    @Path("/models/{kind}")
    public Object summary(@PathParam("kind") String kind) {
        requireKnown(kind);
        if (kind.equals("intent")) {
            return intentSummary();
        }
        PrequentialMetrics m = models.recommend().metrics();
        return new ModelSummary(kind, m.modelVersion(), models.recommend().all().size(), m.predictions(),
                m.updates(), m.examplesLearned(), m.hitRate(), m.meanReciprocalRank());
    }

    @GET
    @Path("/admin/models/{kind}")
    public ModelDetails details(@PathParam("kind") String kind) {
        Object summary = summary(kind);
        List<ModelProvenance> provenance = kind.equals("intent")
                ? models.intent().all().stream().map(handle -> handle.read(m -> m.provenance())).toList()
                : models.recommend().all().stream().map(handle -> handle.read(m -> m.provenance())).toList();
        return new ModelDetails(summary, provenance);
    }

    private IntentSummary intentSummary() {
        PrequentialMetrics m = models.intent().metrics();
        ClassificationMetrics q = models.intentQuality();
        List<String> intents = models.intent().all().stream()
                .flatMap(handle -> handle.read(IntentClassifier::intents).stream()).distinct().sorted().toList();
        List<Double> thresholds = models.intent().all().stream()
                .map(handle -> handle.read(IntentClassifier::threshold)).toList();
        return new IntentSummary("intent", m.modelVersion(), models.intent().all().size(), q.answers(), m.updates(),
                m.examplesLearned(), q.labelled(), q.accuracy(), q.macroF1(), q.unknownRate(), intents, thresholds);
    }

    private static void requireKnown(String kind) {
        if (!Map.of("recommend", true, "intent", true).containsKey(kind)) {
            throw new NotFoundException("unknown model kind");
        }
    }
}
