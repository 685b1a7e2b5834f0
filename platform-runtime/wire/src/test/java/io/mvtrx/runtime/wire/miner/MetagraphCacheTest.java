package io.mvtrx.runtime.wire.miner;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.Neuron;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetagraphCacheTest {

    /** A chain that only answers metagraph reads, counting them; it can be made to fail. */
    static class ReadOnlyChain implements ChainBackend {
        final List<Neuron> neurons = new ArrayList<>();
        int reads;
        boolean down;

        @Override
        public long blockHeight() {
            return 1;
        }

        @Override
        public List<Neuron> metagraph(int netuid) throws IOException {
            reads++;
            if (down) {
                throw new IOException("connection refused");
            }
            return List.copyOf(neurons);
        }

        @Override
        public Neuron register(int netuid, String hotkey, String coldkey) {
            throw new UnsupportedOperationException("read-only test chain");
        }

        @Override
        public void serveAxon(int netuid, String hotkey, String host, int port) {
            throw new UnsupportedOperationException("read-only test chain");
        }

        @Override
        public void addStake(int netuid, String hotkey, long amount) {
            throw new UnsupportedOperationException("read-only test chain");
        }

        @Override
        public void setWeights(int netuid, String hotkey, Map<Integer, Double> weights) {
            throw new UnsupportedOperationException("read-only test chain");
        }

        @Override
        public Map<Integer, Double> weights(int netuid, String hotkey) {
            return Map.of();
        }

        @Override
        public void commit(int netuid, String hotkey, String data) {
            throw new UnsupportedOperationException("read-only test chain");
        }

        @Override
        public Optional<String> commitment(int netuid, String hotkey) {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }

    private static Neuron neuron(int uid, String hotkey, boolean permit) {
        return new Neuron(uid, hotkey, "cold", permit ? 1_000 : 0, permit, "", 1, 0);
    }

    private final ReadOnlyChain chain = new ReadOnlyChain();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-23T16:44:00Z"));
    private final MetagraphCache cache = new MetagraphCache(chain, 79, Duration.ofSeconds(60), now::get);

    @Test
    void readsTheChainAtMostOncePerInterval() throws Exception {
        chain.neurons.add(neuron(0, "aa", true));

        assertThat(cache.lookup("aa")).contains(neuron(0, "aa", true));
        chain.neurons.add(neuron(1, "bb", false));
        now.set(now.get().plusSeconds(59));
        assertThat(cache.lookup("bb")).isEmpty();
        assertThat(chain.reads).isEqualTo(1);

        now.set(now.get().plusSeconds(1));
        assertThat(cache.lookup("bb")).contains(neuron(1, "bb", false));
        assertThat(chain.reads).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.loadedAt()).contains(Instant.parse("2026-05-23T16:45:00Z"));
    }

    @Test
    void keepsThePreviousCopyWhenARefreshFailsAndWaitsAnIntervalBeforeRetrying() throws Exception {
        chain.neurons.add(neuron(0, "aa", true));
        cache.lookup("aa");
        chain.down = true;
        now.set(now.get().plusSeconds(60));

        assertThat(cache.lookup("aa")).contains(neuron(0, "aa", true));
        assertThat(cache.lookup("aa")).contains(neuron(0, "aa", true));
        assertThat(chain.reads).isEqualTo(2);
        assertThat(cache.loadedAt()).contains(Instant.parse("2026-05-23T16:44:00Z"));
    }

    @Test
    void isUnavailableUntilTheFirstReadSucceeds() {
        chain.down = true;

        assertThatThrownBy(() -> cache.lookup("aa"))
                .isInstanceOf(MetagraphCache.Unavailable.class)
                .hasMessage("metagraph of subnet 79 not loaded: IOException: connection refused");
        assertThat(cache.loadedAt()).isEmpty();
    }

    @Test
    void aLookupDuringTheFirstReadWaitsForItInsteadOfFindingNothing() throws Exception {
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ReadOnlyChain slow = new ReadOnlyChain() {
            @Override
            public List<Neuron> metagraph(int netuid) throws IOException {
                reading.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.metagraph(netuid);
            }
        };
        slow.neurons.add(neuron(0, "aa", true));
        MetagraphCache shared = new MetagraphCache(slow, 79, Duration.ofSeconds(60), now::get);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> shared.lookup("aa"));
            reading.await();
            var second = pool.submit(() -> shared.lookup("aa"));
            Thread.sleep(100); // the second lookup is now waiting for the read the first one started
            release.countDown();

            assertThat(first.get()).contains(neuron(0, "aa", true));
            assertThat(second.get()).contains(neuron(0, "aa", true));
        }
        assertThat(slow.reads).isEqualTo(1);
    }
}
