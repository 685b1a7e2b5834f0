package io.mvtrx.runtime.bittensor.axon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NonceLedgerTest {

    static final long NOW = 1_700_000_000_000_000_000L;

    @Test
    void aFirstNonceMustBeYoungerThanFourSecondsPlusTheTimeoutForModernDendrites() {
        NonceLedger ledger = new NonceLedger(10);
        assertThat(ledger.accept("k:u", NOW - 16_000_000_000L, 10_005_000, 12.0, NOW)).isPresent();
        assertThat(ledger.accept("k:u", NOW - 16_000_000_000L + 1, 10_005_000, 12.0, NOW)).isEmpty();
        // Nonces from the future pass, as in the reference.
        assertThat(ledger.accept("k:v", NOW + 3_600_000_000_000L, 10_005_000, 3.0, NOW)).isEmpty();
    }

    @Test
    void dendritesBefore720AreOnlyCheckedForOrder() {
        NonceLedger ledger = new NonceLedger(10);
        assertThat(ledger.accept("k:u", 5, 7_001_999, 3.0, NOW)).isEmpty();
        assertThat(ledger.accept("k:u", 5, 7_001_999, 3.0, NOW))
                .contains("Nonce is too old, a newer one was last processed");
        assertThat(ledger.accept("k:u", 6, 7_001_999, 3.0, NOW)).isEmpty();
    }

    @Test
    void checkRecordsNothingAndKeysAreBounded() {
        NonceLedger ledger = new NonceLedger(2);
        assertThat(ledger.check("a:1", NOW, 10_005_000, 3.0, NOW)).isEmpty();
        assertThat(ledger.size()).isZero();
        ledger.accept("a:1", NOW, 10_005_000, 3.0, NOW);
        ledger.accept("b:1", NOW, 10_005_000, 3.0, NOW);
        ledger.accept("c:1", NOW, 10_005_000, 3.0, NOW);
        assertThat(ledger.size()).isEqualTo(2);
        // "a" was forgotten: its replay falls back to the age window, which the same nonce still passes.
        assertThat(ledger.accept("a:1", NOW, 10_005_000, 3.0, NOW)).isEmpty();
        assertThat(ledger.accept("c:1", NOW, 10_005_000, 3.0, NOW)).isPresent();
    }
}
