package io.streamlearn.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** The chart checks are only as good as the parser: a misspelt field must not pass silently. */
class StrictParsingTest {

    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: probe
            spec:
              %s:
                app: x
              ports:
                - port: 8080
            """;

    @Test
    void misspeltFieldInATypedObjectFailsTheParse() {
        assertThatThrownBy(() -> RenderedManifests.parse(SERVICE.formatted("selectr")))
                .hasCauseInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("selectr");
    }

    @Test
    void correctlySpeltObjectParses() {
        assertThat(RenderedManifests.parse(SERVICE.formatted("selector")).objectNames())
                .containsExactly("Service/probe");
    }

    @Test
    void kindTheChartIsNotKnownToRenderFailsTheParse() {
        assertThatThrownBy(() -> RenderedManifests.parse("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n"))
                .hasMessageContaining("v1/Secret");
    }
}
