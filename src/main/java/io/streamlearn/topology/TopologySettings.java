package io.streamlearn.topology;

import io.streamlearn.event.ValidationLimits;

/** Everything {@link StreamlearnTopology#build} needs besides the models' registries. */
public record TopologySettings(TopicNames topics, ValidationLimits limits, RecommendSettings recommend,
        SupportSettings support) {
}
