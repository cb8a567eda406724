package io.streamlearn.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SyncSettingsTest {

    @Test
    void archiveKeepsOnePublicationPerIntervalOfTheRetention() {
        SyncSettings settings = new SyncSettings(true, Duration.ofMillis(250), 20, Duration.ofMinutes(2));

        assertThat(settings.retainedSequences()).isEqualTo(480);
    }

    @Test
    void rejectsARetentionThatARestoreCouldOutlive() {
        assertThatThrownBy(() -> new SyncSettings(true, Duration.ofSeconds(1), 20, Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must exceed checkpoint-every");
    }
}
