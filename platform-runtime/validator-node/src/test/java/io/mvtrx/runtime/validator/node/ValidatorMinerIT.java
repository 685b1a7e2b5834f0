package io.mvtrx.runtime.validator.node;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainBackendProvider;
import io.mvtrx.runtime.simulator.Simulation;
import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletStore;
import io.mvtrx.runtime.wire.miner.MinerConfig;
import io.mvtrx.runtime.wire.miner.MinerServer;
import io.mvtrx.runtime.wire.validator.Fanout;
import io.mvtrx.runtime.wire.validator.FanoutConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.mvtrx.runtime.validator.node.Fixtures.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The validator loop and two miners over signed gRPC on loopback, registered on a real local chain: the validator
 * (uid 0, staked, with a permit) queries the miners' axons from the metagraph every publish, their agents trade, the
 * loop scores them and sets its weights on the chain.
 */
class ValidatorMinerIT {

    private static final int NETUID = 79;

    @Test
    void queriesRegisteredMinersOverGrpcAndSetsWeightsOnTheChain(@TempDir Path dir) throws Exception {
        ChainBackend chain = Fixtures.PLUGINS.require(ChainBackendProvider.class, "local").create(
                Settings.builder("chain").attribute("dir", dir.resolve("chain").toString())
                        .attribute("blockTimeMillis", "20").attribute("weightsRateLimit", "1").build());
        WalletStore wallets = new WalletStore(dir.resolve("wallets"));
        wallets.createColdkey("owner");
        Keypair validator = wallets.createHotkey("owner", "validator");
        chain.register(NETUID, validator.address(), "owner");
        chain.addStake(NETUID, validator.address(), 1_000);
        MinerServer[] miners = new MinerServer[2];
        for (int i = 0; i < miners.length; i++) {
            Keypair key = wallets.createHotkey("owner", "miner" + i);
            chain.register(NETUID, key.address(), "owner");
            miners[i] = MinerServer.start(MinerConfig.defaults(key.address(), NETUID).withAddress("127.0.0.1", 0),
                    new TestTraderProvider.Trader(2_500 * (i + 1)), chain, InstantSource.system());
            chain.serveAxon(NETUID, key.address(), "127.0.0.1", miners[i].port());
        }
        ChainLink link = new ChainLink(chain, NETUID, validator.address());
        // measured response times this time: the latency model sees real gRPC round trips
        ValidatorSettings settings = ValidatorSettings.REFERENCE
                .withScoring(ScoringSettings.REFERENCE.withWindow(60 * SECOND)).withChainCadence(5 * SECOND, 1);
        Fanout fanout = new Fanout(validator, FanoutConfig.DEFAULTS.withTimeouts(Duration.ofSeconds(3),
                Duration.ofSeconds(4)), InstantSource.system());
        ValidatorLoop loop = new ValidatorLoop(settings, new GrpcTransport(fanout), link, Optional.of(link),
                Optional.empty(), ValidatorLoop.metric(Fixtures.PLUGINS, settings.scoring()));
        List<Integer> answeredPerPublish = new ArrayList<>();
        loop.addListener(stats -> answeredPerPublish.add(stats.lastAnswered()));
        try (chain; loop; Simulation simulation = Fixtures.attach(loop, Fixtures.small(), 120 * SECOND, 42)) {
            while (!simulation.finished()) {
                simulation.step();
            }
            LoopStats stats = loop.stats();
            assertThat(stats.publishes()).isEqualTo(61);
            // A cold JVM may miss the 3 s deadline on the first publishes (channels, class loading), and Helidon's
            // server answers the call after a cancelled one with GOAWAY (doc/validator.md); from then on both
            // miners answer every publish.
            assertThat(stats.queried()).isEqualTo(2 * 61);
            assertThat(stats.refusedQueries()).isZero();
            assertThat(answeredPerPublish).hasSize(61);
            assertThat(answeredPerPublish.subList(5, 61)).containsOnly(2);
            assertThat(stats.accepted()).as("two books per answer, the last publish not screened")
                    .isEqualTo(2 * (stats.answered() - stats.lastAnswered()));
            assertThat(miners[0].agent().calls()).isBetween(50L, 61L);
            assertThat(loop.tradedVolume(1, 0)).isPositive();
            assertThat(loop.tradedVolume(2, 1)).isPositive();

            assertThat(stats.weightsSet()).isPositive();
            Map<Integer, Double> weights = chain.weights(NETUID, validator.address());
            // the loop sends the pipeline's float32 weights (their sum is 1 to float32 precision); the chain
            // normalises what it gets in float64
            Map<Integer, Double> sent = loop.lastWeights();
            double sentSum = sent.values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(sentSum).isCloseTo(1.0, within(1e-6));
            assertThat(weights.keySet()).isEqualTo(sent.keySet());
            sent.forEach((uid, w) -> assertThat(weights.get(uid)).isCloseTo(w / sentSum, within(1e-15)));
            assertThat(weights.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                    within(1e-9));
            assertThat(weights.keySet()).containsAnyOf(1, 2).allSatisfy(uid -> assertThat(uid).isBetween(0, 2));
        } finally {
            for (MinerServer miner : miners) {
                miner.close();
            }
        }
    }
}
