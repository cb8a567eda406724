package io.streamlearn.load.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InFlightLedgerTest {

    @Test
    void anAnswerYieldsTheTimeSinceTheIntendedSend() {
        InFlightLedger ledger = new InFlightLedger(4);
        ledger.register(0, 1_000);
        ledger.register(1, 2_000);
        assertThat(ledger.outstanding()).isEqualTo(2);
        assertThat(ledger.answer(1, 7_500)).isEqualTo(5_500);
        assertThat(ledger.outstanding()).isEqualTo(1);
        assertThat(ledger.answered()).isEqualTo(1);
    }

    @Test
    void aDuplicateAnswerIsCountedOnceAndFlagged() {
        InFlightLedger ledger = new InFlightLedger(4);
        ledger.register(3, 100);
        assertThat(ledger.answer(3, 200)).isEqualTo(100);
        assertThat(ledger.answer(3, 300)).isEqualTo(-1);
        assertThat(ledger.answered()).isEqualTo(1);
        assertThat(ledger.duplicates()).isEqualTo(1);
    }

    @Test
    void answersForUnknownOrOverwrittenEventsAreNotMatched() {
        InFlightLedger ledger = new InFlightLedger(2);
        ledger.register(0, 10);
        ledger.register(4, 20);
        assertThat(ledger.answer(0, 50)).isEqualTo(-1);
        assertThat(ledger.answer(-1, 50)).isEqualTo(-1);
        assertThat(ledger.answer(9, 50)).isEqualTo(-1);
        assertThat(ledger.unmatched()).isEqualTo(3);
        assertThat(ledger.answer(4, 50)).isEqualTo(30);
    }
}
