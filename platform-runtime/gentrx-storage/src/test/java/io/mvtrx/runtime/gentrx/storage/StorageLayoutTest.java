package io.mvtrx.runtime.gentrx.storage;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageLayoutTest {

    private final StorageLayout testnet = new StorageLayout(GentrxNetwork.TESTNET, GentrxMode.SIMULATION);

    @Test
    void everyKeyIsUnderTheShardPrefix() {
        assertThat(testnet.prefix()).isEqualTo("gentrx/testnet/simulation/");
        assertThat(new StorageLayout(GentrxNetwork.MAINNET, GentrxMode.EXCHANGE).prefix())
                .isEqualTo("gentrx/mainnet/exchange/");
        assertThat(new StorageLayout(GentrxNetwork.LOCALNET, GentrxMode.SIMULATION).gradient(1, 2))
                .isEqualTo("gentrx/localnet/simulation/gradients/1/00000002.grad");
    }

    @Test
    void checkpointKeysAreZeroPaddedVersionsAndTwoPointers() {
        assertThat(testnet.checkpoints(0)).isEqualTo("gentrx/testnet/simulation/checkpoints/0/");
        assertThat(testnet.checkpoint(0, 6)).isEqualTo("gentrx/testnet/simulation/checkpoints/0/v00006.pt");
        assertThat(testnet.checkpoint(3, 12345)).isEqualTo("gentrx/testnet/simulation/checkpoints/3/v12345.pt");
        assertThat(testnet.latestCheckpoint(0)).isEqualTo("gentrx/testnet/simulation/checkpoints/0/latest.json");
        assertThat(testnet.head(0)).isEqualTo("gentrx/testnet/simulation/checkpoints/0/head.json");
    }

    @Test
    void deltaProposalAndGradientKeys() {
        assertThat(testnet.delta(0, 7)).isEqualTo("gentrx/testnet/simulation/deltas/0/v00007.grad");
        assertThat(testnet.deltas(0)).isEqualTo("gentrx/testnet/simulation/deltas/0/");
        assertThat(testnet.proposal(5, 41_234)).isEqualTo("gentrx/testnet/simulation/proposals/5/00041234.grad");
        assertThat(testnet.proposals(5)).isEqualTo("gentrx/testnet/simulation/proposals/5/");
        assertThat(testnet.gradient(200, 123_456_789)).isEqualTo(
                "gentrx/testnet/simulation/gradients/200/123456789.grad");
        assertThat(testnet.gradients(200)).isEqualTo("gentrx/testnet/simulation/gradients/200/");
    }

    @Test
    void dataKeysHoldPagesPerBookAndTheSimulationMarker() {
        PageName page = PageName.of(3_600_000_000_000L, 3_899_000_000_000L);

        assertThat(testnet.data(2)).isEqualTo("gentrx/testnet/simulation/data/2/");
        assertThat(testnet.simMarker(2)).isEqualTo("gentrx/testnet/simulation/data/2/.sim_id");
        assertThat(testnet.pages(2, "17")).isEqualTo("gentrx/testnet/simulation/data/2/17/intervals/");
        assertThat(testnet.page(2, "17", page)).isEqualTo(
                "gentrx/testnet/simulation/data/2/17/intervals/00010000-00010459.parquet");
        assertThat(testnet.page(2, "17", page.withDuplicate(1))).isEqualTo(
                "gentrx/testnet/simulation/data/2/17/intervals/00010000-00010459_0001.parquet");
    }

    @Test
    void relativeKeysAreTheOnesAssignmentsCarry() {
        String full = testnet.page(2, "17", PageName.of(0, 300_000_000_000L));

        assertThat(testnet.relative(full)).isEqualTo("data/2/17/intervals/00000000-00000500.parquet");
        assertThat(testnet.full("data/2/17/intervals/00000000-00000500.parquet")).isEqualTo(full);
        assertThatThrownBy(() -> testnet.relative("gentrx/mainnet/simulation/data/2/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'gentrx/mainnet/simulation/data/2/x' is not a key under gentrx/testnet/simulation/");
        assertThatThrownBy(() -> testnet.full("../escape"))
                .hasMessage("invalid storage key '../escape': segment '..' is not allowed");
    }

    @Test
    void aShardPrefixParsesBackToItsLayout() {
        assertThat(StorageLayout.parse("gentrx/testnet/simulation/")).isEqualTo(testnet);
        assertThat(StorageLayout.parse("gentrx/mainnet/exchange/"))
                .isEqualTo(new StorageLayout(GentrxNetwork.MAINNET, GentrxMode.EXCHANGE));
        assertThatThrownBy(() -> StorageLayout.parse("gentrx/testnet/simulation"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'gentrx/testnet/simulation' is not a GenTRX shard prefix (gentrx/<network>/<mode>/)");
        assertThatThrownBy(() -> StorageLayout.parse("gentrx/devnet/simulation/"))
                .hasMessage("'gentrx/devnet/simulation/': unknown GenTRX network 'devnet' "
                        + "(mainnet/main, testnet/test, localnet/local)");
        assertThatThrownBy(() -> StorageLayout.parse("gentrx/testnet/futures/"))
                .hasMessage("'gentrx/testnet/futures/': unknown GenTRX mode 'futures' (simulation, exchange)");
    }

    @Test
    void networkNamesAcceptTheShortForms() {
        assertThat(GentrxNetwork.of("main")).isEqualTo(GentrxNetwork.MAINNET);
        assertThat(GentrxNetwork.of("Test")).isEqualTo(GentrxNetwork.TESTNET);
        assertThat(GentrxNetwork.of(" local ")).isEqualTo(GentrxNetwork.LOCALNET);
        assertThat(GentrxNetwork.of("localnet")).isEqualTo(GentrxNetwork.LOCALNET);
    }

    @Test
    void argumentsAreCheckedAndNamed() {
        assertThatThrownBy(() -> testnet.gradient(-1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minerUid must not be negative, got -1");
        assertThatThrownBy(() -> testnet.checkpoint(0, -2)).hasMessage("version must not be negative, got -2");
        assertThatThrownBy(() -> testnet.proposal(-4, 1)).hasMessage("validatorUid must not be negative, got -4");
        assertThatThrownBy(() -> testnet.pages(0, "a/b"))
                .hasMessage("book must be one non-empty key segment, got 'a/b'");
        assertThatThrownBy(() -> testnet.pages(0, ".."))
                .hasMessage("invalid storage key '..': segment '..' is not allowed");
    }

    @Test
    void numbersAreReadFromVersionedAndRoundKeysOnly() {
        assertThat(StorageLayout.number(testnet.checkpoint(0, 12))).isEqualTo(OptionalLong.of(12));
        assertThat(StorageLayout.number(testnet.delta(0, 100_000))).isEqualTo(OptionalLong.of(100_000));
        assertThat(StorageLayout.number(testnet.gradient(3, 1234))).isEqualTo(OptionalLong.of(1234));
        assertThat(StorageLayout.number(testnet.latestCheckpoint(0))).isEmpty();
        assertThat(StorageLayout.number(testnet.head(0))).isEmpty();
        assertThat(StorageLayout.number(testnet.simMarker(0))).isEmpty();
        assertThat(StorageLayout.number(testnet.page(0, "1", PageName.of(0, 1)))).isEmpty();
    }

    @Test
    void pruningKeepsTheNewestNumbersAndNeverThePointers() {
        List<String> keys = List.of(testnet.checkpoint(0, 1), testnet.checkpoint(0, 6), testnet.checkpoint(0, 12),
                testnet.latestCheckpoint(0), testnet.head(0), testnet.checkpoint(0, 18));

        assertThat(StorageLayout.toPrune(keys, 2)).containsExactly(testnet.checkpoint(0, 1),
                testnet.checkpoint(0, 6));
        assertThat(StorageLayout.toPrune(keys, 4)).isEmpty();
        assertThat(StorageLayout.toPrune(keys, 0)).isEmpty();
        assertThatThrownBy(() -> StorageLayout.toPrune(keys, -1)).hasMessage("keep must not be negative, got -1");
    }

    @Test
    void pruningOrdersVersionsByNumberPastFiveDigitsUnlikeTheReferencesTextOrder() {
        // reference defect: v100000 sorts before v99999 as text, so lexical pruning would delete the newest delta
        List<String> keys = List.of(testnet.delta(0, 99_998), testnet.delta(0, 99_999), testnet.delta(0, 100_000));

        assertThat(keys.stream().sorted().toList().getLast()).isEqualTo(testnet.delta(0, 99_999));
        assertThat(StorageLayout.toPrune(keys, 1)).containsExactly(testnet.delta(0, 99_998),
                testnet.delta(0, 99_999));
    }

    @Test
    void retentionDefaultsAreTheReferences() {
        assertThat(StorageLayout.KEEP_CHECKPOINTS).isEqualTo(10);
        assertThat(StorageLayout.KEEP_PROPOSALS).isEqualTo(10);
        assertThat(StorageLayout.KEEP_DELTAS).isEqualTo(24);
        assertThat(StorageLayout.KEEP_GRADIENTS).isEqualTo(50);
    }
}
