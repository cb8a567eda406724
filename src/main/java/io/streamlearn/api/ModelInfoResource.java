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

    public record ModelDetails(ModelSummary summary, List<ModelProvenance> provenance) {
    }

    @Inject
    ServingModels models;

    @GET
    @Path("/models/{kind}")
    public ModelSummary summary(@PathParam("kind") String kind) {
        requireKnown(kind);
        PrequentialMetrics m = models.recommend().metrics();
        return new ModelSummary(kind, m.modelVersion(), models.recommend().all().size(), m.predictions(),
                m.updates(), m.examplesLearned(), m.hitRate(), m.meanReciprocalRank());
    }

    @GET
    @Path("/admin/models/{kind}")
    public ModelDetails details(@PathParam("kind") String kind) {
        ModelSummary summary = summary(kind);
        List<ModelProvenance> provenance = models.recommend().all().stream()
                .map(handle -> handle.read(m -> m.provenance())).toList();
        return new ModelDetails(summary, provenance);
    }

    private static void requireKnown(String kind) {
        if (!Map.of("recommend", true).containsKey(kind)) {
            throw new NotFoundException("unknown model kind");
        }
    }
}
