package io.streamlearn.api;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.streamlearn.event.ScoredItem;
import io.streamlearn.kafka.StreamlearnConfig;
import io.streamlearn.recommend.RecommendationQuery;
import io.streamlearn.topology.ServingModels;
import io.streamlearn.topology.StoreNames;
import io.streamlearn.topology.UserItems;

/**
 * A user's current top-K, from the instance that owns the user's partition. Another instance
 * answers {@code 307 Temporary Redirect} to the owner; 503 while the partition has no active owner
 * (rebalancing or restoring).
 */
@Path("/api/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    public record UserRecommendations(String userId, List<ScoredItem> recommendations, long modelVersion,
            int partition) {
    }

    @Inject
    KafkaStreams streams;

    @Inject
    ServingModels models;

    @Inject
    StreamlearnConfig config;

    @ConfigProperty(name = "quarkus.kafka-streams.application-server")
    Optional<String> applicationServer;

    @GET
    @Path("/{userId}")
    public Response topK(@PathParam("userId") String userId, @QueryParam("k") @DefaultValue("0") int k) {
        if (userId.isBlank() || userId.length() > config.validation().maxIdLength()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(new ApiError("invalid userId")).build();
        }
        KeyQueryMetadata owner = streams.queryMetadataForKey(StoreNames.RECOMMEND_USER_SEEN, userId,
                Serdes.String().serializer());
        if (owner == null || owner.activeHost() == null || owner.activeHost().port() < 0) {
            return unavailable();
        }
        if (!isThisInstance(owner.activeHost())) {
            URI location = URI.create("http://" + owner.activeHost().host() + ":" + owner.activeHost().port()
                    + "/api/recommendations/" + java.net.URLEncoder.encode(userId, java.nio.charset.StandardCharsets.UTF_8));
            return Response.temporaryRedirect(location).build();
        }
        int partition = owner.partition();
        return models.recommend().forPartition(partition)
                .map(model -> {
                    UserItems.StoredUser user = UserItems.stored(store(StoreNames.RECOMMEND_USER_SEEN, partition),
                            userId, config.recommend().historyLength());
                    List<ScoredItem> top = model.predict(new RecommendationQuery(null, user.history().items(),
                            user.seen())).topK();
                    if (k > 0 && k < top.size()) {
                        top = top.subList(0, k);
                    }
                    long version = model.read(m -> m.version());
                    return Response.ok(new UserRecommendations(userId, top, version, partition)).build();
                })
                .orElseGet(this::unavailable);
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(partition));
    }

    private boolean isThisInstance(HostInfo host) {
        return applicationServer.map(server -> server.equals(host.host() + ":" + host.port())).orElse(true);
    }

    private Response unavailable() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .entity(new ApiError("the user's partition is not being served right now; retry shortly")).build();
    }
}
