package io.streamlearn.load.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void withoutArgumentsRunsBothGuaranteesAndBothModelsOnTheEmbeddedBroker() {
        LoadOptions options = LoadOptions.parse(new String[0]);
        assertThat(options.guarantees()).containsExactly("exactly_once_v2", "at_least_once");
        assertThat(options.workloads()).containsExactly("recommendation", "support");
        assertThat(options.bootstrapServers()).isEmpty();
        assertThat(options.fixedMode()).isFalse();
        assertThat(options.profile()).isTrue();
        assertThat(options.supportData()).isEqualTo(Path.of("../shared/data/clinc150/data_full.json"));
    }

    @Test
    void optionsOverrideTheirDefaults() {
        LoadOptions options = LoadOptions.parse(new String[] {"--bootstrap-servers", "k1:9092",
                "--guarantees", "at_least_once", "--workloads", "recommendation", "--rate", "500",
                "--step-seconds", "5", "--items", "3000", "--no-profile", "--service-jvm-arg", "-Xmx1g",
                "--service-jvm-arg", "-XX:+UseParallelGC"});
        assertThat(options.bootstrapServers()).isEqualTo(Optional.of("k1:9092"));
        assertThat(options.guarantees()).containsExactly("at_least_once");
        assertThat(options.workloads()).containsExactly("recommendation");
        assertThat(options.fixedRate()).contains(500.0);
        assertThat(options.stepSeconds()).isEqualTo(5);
        assertThat(options.interactionProfile().initialItems()).isEqualTo(3000);
        assertThat(options.profile()).isFalse();
        assertThat(options.serviceJvmArgs()).isEqualTo(List.of("-Xmx1g", "-XX:+UseParallelGC"));
    }

    @Test
    void rejectsUnknownOptionsAndGuarantees() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--frobnicate", "1"}))
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--guarantees", "exactly_once"}))
                .hasMessageContaining("unknown processing guarantee");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--rate", "0"}))
                .hasMessageContaining("positive");
    }
}
