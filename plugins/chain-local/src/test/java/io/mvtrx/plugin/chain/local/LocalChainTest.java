package io.mvtrx.plugin.chain.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.ChainException;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.testkit.ProviderDeclarations;

class LocalChainTest {

    private static final int NET = 79;

    @TempDir
    Path dir;

    /** A clock the test moves by whole blocks of 12 s. */
    static final class ManualClock implements InstantSource {
        Instant now = Instant.parse("2026-11-28T00:00:00Z");

        void advanceBlocks(long blocks) {
            now = now.plusSeconds(12 * blocks);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();

    private LocalChain chain(int maxUids, long immunity, int maxValidators, long rateLimit) {
        return LocalChain.open(dir, new LocalChainRules(Duration.ofSeconds(12), maxUids, immunity, maxValidators, 1,
                rateLimit), clock);
    }

    @Test
    void blockHeightAdvancesWithTheBlockTime() {
        LocalChain chain = chain(4, 10, 2, 5);
        assertThat(chain.blockHeight()).isZero();
        clock.advanceBlocks(7);
        assertThat(chain.blockHeight()).isEqualTo(7);
    }

    @Test
    void registersUidsInOrderAndIsIdempotent() throws Exception {
        LocalChain chain = chain(4, 10, 2, 5);
        assertThat(chain.register(NET, "hk-a", "ck").uid()).isZero();
        assertThat(chain.register(NET, "hk-b", "ck").uid()).isEqualTo(1);
        assertThat(chain.register(NET, "hk-a", "ck").uid()).isZero();
        assertThat(chain.metagraph(NET)).extracting(Neuron::hotkey).containsExactly("hk-a", "hk-b");
    }

    @Test
    void aFullSubnetReplacesTheOldestNonImmuneUid() throws Exception {
        LocalChain chain = chain(2, 10, 2, 5);
        chain.register(NET, "first", "ck");
        clock.advanceBlocks(3);
        chain.register(NET, "second", "ck");
        chain.commit(NET, "first", "bucket-key");
        assertThatThrownBy(() -> chain.register(NET, "third", "ck"))
                .isInstanceOf(ChainException.class)
                .hasMessage("subnet 79 is full (2 uids) and every neuron is within its immunity period of 10 blocks");
        clock.advanceBlocks(10);
        Neuron third = chain.register(NET, "third", "ck");
        assertThat(third.uid()).isZero();
        assertThat(third.registeredAt()).isEqualTo(13);
        assertThat(chain.commitment(NET, "first")).isEmpty();
        assertThat(chain.metagraph(NET)).extracting(Neuron::hotkey).containsExactly("third", "second");
    }

    @Test
    void permitsGoToTheLargestStakes() throws Exception {
        LocalChain chain = chain(8, 0, 2, 5);
        for (String hk : new String[] {"a", "b", "c"}) {
            chain.register(NET, hk, "ck");
        }
        chain.addStake(NET, "a", 10);
        chain.addStake(NET, "b", 30);
        chain.addStake(NET, "c", 20);
        assertThat(chain.metagraph(NET)).extracting(Neuron::validatorPermit).containsExactly(false, true, true);
    }

    @Test
    void weightsNeedAPermitAreNormalizedAndRateLimited() throws Exception {
        LocalChain chain = chain(8, 0, 1, 5);
        chain.register(NET, "validator", "ck");
        chain.register(NET, "miner", "ck");
        assertThatThrownBy(() -> chain.setWeights(NET, "validator", Map.of(1, 1.0)))
                .hasMessage("hotkey validator (uid 0) has no validator permit on subnet 79");
        chain.addStake(NET, "validator", 100);
        clock.advanceBlocks(1);
        chain.setWeights(NET, "validator", Map.of(1, 3.0, 0, 1.0));
        assertThat(chain.weights(NET, "validator")).containsExactlyInAnyOrderEntriesOf(Map.of(0, 0.25, 1, 0.75));
        clock.advanceBlocks(4);
        assertThatThrownBy(() -> chain.setWeights(NET, "validator", Map.of(1, 1.0)))
                .hasMessage("weights of uid 0 are rate-limited: last set at block 1, now 5, limit 5 blocks");
        clock.advanceBlocks(1);
        chain.setWeights(NET, "validator", Map.of(1, 1.0));
        assertThat(chain.metagraph(NET).getFirst().lastUpdate()).isEqualTo(6);
        assertThatThrownBy(() -> chain.setWeights(NET, "validator", Map.of(9, 1.0)))
                .hasMessageStartingWith("weights of uid 0 are rate-limited");
    }

    @Test
    void stateSurvivesAReopen() throws Exception {
        LocalChain chain = chain(8, 0, 1, 0);
        chain.register(NET, "validator", "ck");
        chain.register(NET, "miner", "ck2");
        chain.addStake(NET, "validator", 5);
        chain.serveAxon(NET, "miner", "127.0.0.1", 8091);
        chain.setWeights(NET, "validator", Map.of(1, 1.0));
        chain.commit(NET, "miner", "read-key:with\ttab");

        LocalChain reopened = chain(8, 0, 1, 0);
        assertThat(reopened.metagraph(NET)).isEqualTo(chain.metagraph(NET));
        assertThat(reopened.metagraph(NET).get(1).axon()).isEqualTo("127.0.0.1:8091");
        assertThat(reopened.weights(NET, "validator")).isEqualTo(Map.of(1, 1.0));
        assertThat(reopened.commitment(NET, "miner")).contains("read-key:with\ttab");
    }

    @Test
    void aCorruptStateFileIsNamed() throws Exception {
        chain(8, 0, 1, 0).register(NET, "a", "ck");
        Path file = dir.resolve(LocalChain.STATE_FILE);
        Files.writeString(file, Files.readString(file).replace("neuron\t79\t0", "neuron\t79\tzero"));
        assertThatThrownBy(() -> chain(8, 0, 1, 0))
                .hasMessageContaining(file + ": malformed record at line 3");
    }

    @Test
    void unregisteredHotkeysAreRefused() {
        LocalChain chain = chain(8, 0, 1, 0);
        assertThatThrownBy(() -> chain.serveAxon(NET, "ghost", "127.0.0.1", 1))
                .hasMessage("hotkey ghost is not registered on subnet 79");
    }

    @Test
    void providerReadsItsSettings() throws Exception {
        try (var chain = new LocalChainProvider().create(
                Settings.builder("chain").attribute("dir", dir.toString()).attribute("maxUids", "3").build())) {
            assertThat(chain.register(NET, "x", "y").uid()).isZero();
        }
        assertThat(dir.resolve(LocalChain.STATE_FILE)).exists();
    }

    @Test
    void moduleInfoAndServiceFilesAgree() {
        ProviderDeclarations.assertAgree(Path.of("target/classes"));
    }
}
