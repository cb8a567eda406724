package io.streamlearn.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads Kubernetes objects into fabric8's typed model so that a misspelt field is an error.
 * fabric8 classes collect unknown fields in an {@code @JsonAnySetter} map ({@code additionalProperties})
 * instead of rejecting them; ignoring that annotation lets Jackson's unknown-property check fire.
 */
final class StrictKubernetesMapper {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .annotationIntrospector(new IgnoreAnySetter())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StrictKubernetesMapper() {
    }

    private static final class IgnoreAnySetter extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }
    }
}
