package io.mvtrx.runtime.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainException;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.plugin.chain.local.LocalChainProvider;
import io.mvtrx.runtime.metrics.Scrape;
import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletStore;

/** A real chain server on loopback, a local chain behind it, and signed clients in front. */
class ChainServerIT {

    private static final int NET = 79;

    @TempDir
    Path dir;

    private ChainBackend local;
    private ChainServer server;
    private WalletStore wallets;
    private Keypair validator;
    private Keypair miner;

    @BeforeEach
    void start() {
        local = new LocalChainProvider().create(Settings.builder("chain")
                .attribute("dir", dir.resolve("chain").toString())
                .attribute("weightsRateLimit", "0").build());
        server = ChainServer.start(local, "127.0.0.1", 0);
        wallets = new WalletStore(dir.resolve("wallets"));
        wallets.createColdkey("owner");
        validator = wallets.createHotkey("owner", "validator");
        miner = wallets.createHotkey("owner", "miner");
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        local.close();
    }

    private RemoteChainBackend client(Keypair signer) {
        return new RemoteChainBackend(URI.create("http://127.0.0.1:" + server.port()), signer, InstantSource.system(),
                Duration.ofSeconds(5));
    }

    @Test
    void validatorsAndMinersShareOneChainOverHttp() throws Exception {
        try (RemoteChainBackend v = client(validator); RemoteChainBackend m = client(miner)) {
            assertThat(v.register(NET, validator.address(), "owner").uid()).isZero();
            assertThat(m.register(NET, miner.address(), "owner").uid()).isEqualTo(1);
            m.serveAxon(NET, miner.address(), "127.0.0.1", 8091);
            m.commit(NET, miner.address(), "bucket-read-key");
            v.addStake(NET, validator.address(), 1_000);
            v.setWeights(NET, validator.address(), Map.of(1, 2.0, 0, 2.0));

            assertThat(m.metagraph(NET)).extracting(Neuron::uid, Neuron::validatorPermit, Neuron::axon)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(0, true, ""),
                            org.assertj.core.groups.Tuple.tuple(1, false, "127.0.0.1:8091"));
            assertThat(m.weights(NET, validator.address())).isEqualTo(Map.of(0, 0.5, 1, 0.5));
            assertThat(v.commitment(NET, miner.address())).contains("bucket-read-key");
            assertThat(v.commitment(NET, validator.address())).isEmpty();
            assertThat(v.blockHeight()).isGreaterThanOrEqualTo(0);
            // Everything went to the backend.
            assertThat(local.metagraph(NET)).hasSize(2);
        }
    }

    @Test
    void servesRequestCountsByStatusAndTheBlockHeightAsPrometheusMetrics() throws Exception {
        try (RemoteChainBackend v = client(validator); RemoteChainBackend m = client(miner)) {
            v.register(NET, validator.address(), "owner");
            assertThatThrownBy(() -> m.register(NET, validator.address(), "owner")).isInstanceOf(IOException.class);
            v.metagraph(NET);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(res.statusCode()).isEqualTo(200);
            Scrape scrape = Scrape.parse(res.body());
            // one register and one metagraph read answered 200, the forged register 403; this scrape is not in yet
            assertThat(scrape.require("mvtrx_chain_requests_total{status=\"200\"}")).isEqualTo(2);
            assertThat(scrape.require("mvtrx_chain_requests_total{status=\"403\"}")).isEqualTo(1);
            assertThat(scrape.require("mvtrx_chain_request_seconds_count")).isEqualTo(3);
            assertThat(scrape.require("mvtrx_chain_block_height")).isEqualTo(local.blockHeight());
            assertThat(scrape.require("mvtrx_chain_backend_errors_total")).isZero();
        }
    }

    @Test
    void aMinerCannotActForAnotherHotkey() throws Exception {
        try (RemoteChainBackend m = client(miner)) {
            assertThatThrownBy(() -> m.register(NET, validator.address(), "owner"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("(403): request signed by " + miner.address()
                            + " but acts for hotkey " + validator.address());
        }
        assertThat(local.metagraph(NET)).isEmpty();
    }

    @Test
    void chainRefusalsComeBackAsChainExceptions() throws Exception {
        try (RemoteChainBackend m = client(miner)) {
            m.register(NET, miner.address(), "owner");
            assertThatThrownBy(() -> m.setWeights(NET, miner.address(), Map.of(0, 1.0)))
                    .isInstanceOf(ChainException.class)
                    .hasMessage("hotkey %s (uid 0) has no validator permit on subnet 79", miner.address());
        }
    }

    @Test
    void unsignedForgedAndReplayedWritesAreRejected() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/chain/subnets/79/neurons");
        String body = "{\"hotkey\":\"" + miner.address() + "\",\"coldkey\":\"owner\"}";

        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).isEqualTo("{\"error\":\"missing header X-Hotkey\"}");

        long nonce = System.currentTimeMillis() * 1_000_000L;
        byte[] signature = miner.sign(RequestSignature.message("POST", "/chain/subnets/79/neurons", nonce,
                body.getBytes()));
        HttpRequest signed = HttpRequest.newBuilder(uri)
                .header(RequestSignature.HOTKEY, miner.address())
                .header(RequestSignature.NONCE, Long.toString(nonce))
                .header(RequestSignature.SIGNATURE, java.util.Base64.getEncoder().encodeToString(signature))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        assertThat(http.send(signed, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = http.send(signed, HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("was already used");

        HttpResponse<String> tampered = http.send(HttpRequest.newBuilder(uri)
                .header(RequestSignature.HOTKEY, miner.address())
                .header(RequestSignature.NONCE, Long.toString(nonce + 1))
                .header(RequestSignature.SIGNATURE, java.util.Base64.getEncoder().encodeToString(signature))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(tampered.body()).contains("signature does not verify");
        http.close();
    }

    @Test
    void malformedInputNamesTheField() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/chain/subnets/banana/neurons")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.body()).contains("path parameter 'netuid' must be an integer in 0..65535, got 'banana'");
        http.close();
    }

    @Test
    void anUnreachableServerIsNamed() {
        int port = server.port();
        server.close();
        try (RemoteChainBackend v = new RemoteChainBackend(URI.create("http://127.0.0.1:" + port), validator,
                InstantSource.system(), Duration.ofSeconds(5))) {
            assertThatThrownBy(v::blockHeight)
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("chain at http://127.0.0.1:" + port + " unreachable (GET /chain/block)");
        }
    }
}
