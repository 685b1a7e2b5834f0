package io.mvtrx.runtime.chain;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainException;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.runtime.wallet.Keypair;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * A chain reached through {@code mvtrx chain} over HTTP. Writes are signed with the configured hotkey; a chain
 * refusal (409) becomes a {@link ChainException} with the server's message, a transport failure an
 * {@link IOException} naming the URL.
 *
 * <p>Thread-safe.
 */
public final class RemoteChainBackend implements ChainBackend {

    private final URI base;
    private final Keypair signer;
    private final InstantSource clock;
    private final HttpClient http;
    private final Duration timeout;
    private final AtomicLong lastNonce = new AtomicLong();

    /**
     * @param base    server root, e.g. {@code http://127.0.0.1:9944}
     * @param signer  hotkey used to sign writes, or null for a read-only client
     * @param clock   source of nonces
     * @param timeout per-request timeout
     */
    public RemoteChainBackend(URI base, Keypair signer, InstantSource clock, Duration timeout) {
        this.base = base;
        this.signer = signer;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public long blockHeight() throws IOException {
        return get("/chain/block").getJsonNumber("block").longValueExact();
    }

    @Override
    public List<Neuron> metagraph(int netuid) throws IOException {
        List<Neuron> neurons = new ArrayList<>();
        for (JsonValue v : get("/chain/subnets/" + netuid + "/neurons").getJsonArray("neurons")) {
            neurons.add(neuron(v.asJsonObject()));
        }
        return neurons;
    }

    @Override
    public Neuron register(int netuid, String hotkey, String coldkey) throws IOException {
        return neuron(send("POST", "/chain/subnets/" + netuid + "/neurons",
                Json.createObjectBuilder().add("hotkey", hotkey).add("coldkey", coldkey)));
    }

    @Override
    public void serveAxon(int netuid, String hotkey, String host, int port) throws IOException {
        send("PUT", "/chain/subnets/" + netuid + "/neurons/" + hotkey + "/axon",
                Json.createObjectBuilder().add("host", host).add("port", port));
    }

    @Override
    public void addStake(int netuid, String hotkey, long amount) throws IOException {
        send("POST", "/chain/subnets/" + netuid + "/neurons/" + hotkey + "/stake",
                Json.createObjectBuilder().add("amount", amount));
    }

    @Override
    public void setWeights(int netuid, String hotkey, Map<Integer, Double> weights) throws IOException {
        JsonObjectBuilder w = Json.createObjectBuilder();
        weights.forEach((uid, value) -> w.add(Integer.toString(uid), value));
        send("PUT", "/chain/subnets/" + netuid + "/weights/" + hotkey, Json.createObjectBuilder().add("weights", w));
    }

    @Override
    public Map<Integer, Double> weights(int netuid, String hotkey) throws IOException {
        Map<Integer, Double> weights = new LinkedHashMap<>();
        get("/chain/subnets/" + netuid + "/weights/" + hotkey).getJsonObject("weights")
                .forEach((uid, v) -> weights.put(Integer.parseInt(uid), ((jakarta.json.JsonNumber) v).doubleValue()));
        return weights;
    }

    @Override
    public void commit(int netuid, String hotkey, String data) throws IOException {
        send("PUT", "/chain/subnets/" + netuid + "/commitments/" + hotkey,
                Json.createObjectBuilder().add("data", data));
    }

    @Override
    public Optional<String> commitment(int netuid, String hotkey) throws IOException {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(uri("/chain/subnets/" + netuid
                + "/commitments/" + hotkey)).timeout(timeout).GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(checked(response).getString("data"));
    }

    @Override
    public void close() {
        http.close();
    }

    private JsonObject get(String path) throws IOException {
        return checked(exchange(HttpRequest.newBuilder(uri(path)).timeout(timeout).GET().build()));
    }

    private JsonObject send(String method, String path, JsonObjectBuilder body) throws IOException {
        if (signer == null) {
            throw new ChainException("chain client at %s has no hotkey configured; cannot sign %s %s",
                    base, method, path);
        }
        byte[] bytes = body.build().toString().getBytes(StandardCharsets.UTF_8);
        long nonce = nextNonce();
        byte[] signature = signer.sign(RequestSignature.message(method, path, nonce, bytes));
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(RequestSignature.HOTKEY, signer.address())
                .header(RequestSignature.NONCE, Long.toString(nonce))
                .header(RequestSignature.SIGNATURE, Base64.getEncoder().encodeToString(signature))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return checked(exchange(request));
    }

    /** Wall-clock ns, forced strictly increasing so two fast writes never share a nonce. */
    private long nextNonce() {
        long now = clock.instant().getEpochSecond() * 1_000_000_000L + clock.instant().getNano();
        return lastNonce.updateAndGet(previous -> Math.max(previous + 1, now));
    }

    private HttpResponse<String> exchange(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted calling " + request.uri(), e);
        } catch (IOException e) {
            throw new IOException("chain at " + base + " unreachable (" + request.method() + " " + request.uri()
                    .getPath() + "): " + e.getMessage(), e);
        }
    }

    private JsonObject checked(HttpResponse<String> response) throws IOException {
        JsonObject json;
        try {
            json = Json.createReader(new StringReader(response.body())).readObject();
        } catch (RuntimeException e) {
            throw new IOException("chain at " + base + " answered " + response.statusCode() + " with non-JSON body");
        }
        int status = response.statusCode();
        if (status == 200) {
            return json;
        }
        String message = json.containsKey("error") ? json.getString("error") : json.toString();
        if (status == 409) {
            throw new ChainException("%s", message);
        }
        throw new IOException("chain at " + base + " refused " + response.request().method() + " "
                + response.uri().getPath() + " (" + status + "): " + message);
    }

    private URI uri(String path) {
        return base.resolve(path);
    }

    private static Neuron neuron(JsonObject j) {
        return new Neuron(j.getInt("uid"), j.getString("hotkey"), j.getString("coldkey"),
                j.getJsonNumber("stake").longValueExact(), j.getBoolean("validatorPermit"), j.getString("axon"),
                j.getJsonNumber("registeredAt").longValueExact(), j.getJsonNumber("lastUpdate").longValueExact());
    }
}
