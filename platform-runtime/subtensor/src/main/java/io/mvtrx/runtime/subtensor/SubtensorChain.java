package io.mvtrx.runtime.subtensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainException;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.runtime.bittensor.keys.Ss58;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.subtensor.internal.Calls;
import io.mvtrx.runtime.subtensor.internal.ChainDecoders;
import io.mvtrx.runtime.subtensor.internal.Era;
import io.mvtrx.runtime.subtensor.internal.Extrinsics;
import io.mvtrx.runtime.subtensor.internal.Hex;
import io.mvtrx.runtime.subtensor.internal.JsonRpcClient;
import io.mvtrx.runtime.subtensor.internal.Metadata;
import io.mvtrx.runtime.subtensor.internal.MetadataDecoder;
import io.mvtrx.runtime.subtensor.internal.RpcException;
import io.mvtrx.runtime.subtensor.internal.ScaleException;
import io.mvtrx.runtime.subtensor.internal.ScaleReader;
import io.mvtrx.runtime.subtensor.internal.ScaleWriter;
import io.mvtrx.runtime.subtensor.internal.SignedExtensions;
import io.mvtrx.runtime.subtensor.internal.StorageKeys;
import io.mvtrx.runtime.subtensor.internal.UnsupportedRuntimeException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Bittensor's chain as a {@link ChainBackend}: reads through runtime APIs and storage, writes as signed v4
 * extrinsics of one sr25519 hotkey (the miner's or validator's; the coldkey is never needed). At start the genesis
 * hash, runtime version and metadata are read and every signed extension is checked; the metadata is read again when
 * the runtime is upgraded.
 *
 * <p>Weights are first made acceptable to the subnet's minimum count and maximum share ({@link SubnetWeights}),
 * converted to u16 ({@link U16Weights}), then sent as the subnet requires: plain {@code set_mechanism_weights} (or {@code set_weights} on runtimes without
 * mechanisms), or, when commit-reveal is on, a hash commit now and its reveal submitted by this object in the reveal
 * epoch. A runtime that only accepts timelocked (drand) commits is refused: those need BLS12-381 encryption.
 * Submissions do not wait for inclusion (as the SDK's validators do); refusals of the transaction pool come back
 * as {@link ChainException}. Registration and staking spend the coldkey's TAO and are left to btcli.
 * Thread-safe.
 */
public final class SubtensorChain implements ChainBackend {

    private static final System.Logger LOG = System.getLogger(SubtensorChain.class.getName());
    private static final String SUBTENSOR = "SubtensorModule";
    private static final String COMMITMENTS = "Commitments";
    private static final int MECHANISM = 0;
    private static final int NETUIDS_PER_MECHANISM = 4096;
    private static final int AXON_PROTOCOL = 4;
    private static final Map<Integer, String> CUSTOM_ERRORS = Map.of(
            6, "weights set too soon (WeightsSetRateLimit)",
            10, "hotkey not registered on the subnet",
            11, "invalid IP address",
            12, "axon served too soon (ServingRateLimit)",
            13, "invalid port",
            255, "bad request");

    private final JsonRpcClient rpc;
    private final Optional<Sr25519Keypair> hotkey;
    private final SubtensorOptions options;
    private final byte[] genesis;
    private final List<PendingReveal> reveals = new ArrayList<>();
    private final ScheduledExecutorService revealer;
    private volatile Runtime runtime;

    /** The runtime the node runs: version numbers, metadata and its checked signed extensions. */
    private record Runtime(long specVersion, long transactionVersion, Metadata metadata, SignedExtensions extensions) {
    }

    /**
     * A committed weight vector waiting for its reveal epoch.
     *
     * @param revealEpoch the epoch in which the chain accepts the reveal
     */
    public record PendingReveal(int netuid, List<Integer> uids, List<Integer> values, List<Integer> salt,
                                long versionKey, long revealEpoch) {
    }

    private SubtensorChain(JsonRpcClient rpc, Optional<Sr25519Keypair> hotkey, SubtensorOptions options,
                           byte[] genesis, Runtime runtime) {
        this.rpc = rpc;
        this.hotkey = hotkey;
        this.options = options;
        this.genesis = genesis;
        this.runtime = runtime;
        if (hotkey.isPresent() && !options.revealPoll().isZero()) {
            revealer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "subtensor-reveals");
                t.setDaemon(true);
                return t;
            });
            long every = options.revealPoll().toMillis();
            revealer.scheduleWithFixedDelay(this::revealDueQuietly, every, every, TimeUnit.MILLISECONDS);
        } else {
            revealer = null;
        }
    }

    /**
     * Connects to a node, reads the genesis hash, runtime version and metadata, and checks the signed extensions.
     *
     * @param hotkey the key that signs writes; without one the backend only reads
     * @throws UncheckedIOException        when the node cannot be reached
     * @throws UnsupportedRuntimeException when the runtime has a signed extension this client cannot fill
     */
    public static SubtensorChain connect(URI endpoint, Optional<Sr25519Keypair> hotkey, SubtensorOptions options) {
        JsonRpcClient rpc = new JsonRpcClient(endpoint, options.timeout(), new JsonRpcClient.Resilience(
                options.attempts(), options.firstBackoff(), 10, java.time.Duration.ofSeconds(30)));
        try {
            byte[] genesis = Hex.decode(text(rpc.call("chain_getBlockHash", 0), "chain_getBlockHash"));
            Runtime runtime = readRuntime(rpc);
            return new SubtensorChain(rpc, hotkey, options, genesis, runtime);
        } catch (IOException e) {
            rpc.close();
            throw new UncheckedIOException("subtensor node " + endpoint + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rpc.close();
            throw e;
        }
    }

    private static Runtime readRuntime(JsonRpcClient rpc) throws IOException {
        JsonObject version = rpc.call("state_getRuntimeVersion").asJsonObject();
        long spec = version.getJsonNumber("specVersion").longValue();
        long tx = version.getJsonNumber("transactionVersion").longValue();
        Metadata metadata;
        try {
            metadata = MetadataDecoder.decode(Hex.decode(text(rpc.call("state_getMetadata"), "state_getMetadata")));
        } catch (ScaleException e) {
            throw new UnsupportedRuntimeException("runtime spec %d: metadata does not decode: %s", spec,
                    e.getMessage());
        }
        if (metadata.pallet(SUBTENSOR).isEmpty()) {
            throw new UnsupportedRuntimeException("runtime spec %d has no %s pallet: not a subtensor node (pallets: %s)",
                    spec, SUBTENSOR, String.join(", ", metadata.palletIndices().keySet()));
        }
        return new Runtime(spec, tx, metadata, SignedExtensions.of(metadata, spec));
    }

    /** The runtime's spec version. */
    public long specVersion() {
        return runtime.specVersion();
    }

    /** The runtime's signed extensions, in order. */
    public List<String> signedExtensions() {
        return runtime.extensions().identifiers();
    }

    /** The SS58 address of the signing hotkey, if any. */
    public Optional<String> signer() {
        return hotkey.map(Sr25519Keypair::ss58Address);
    }

    @Override
    public long blockHeight() throws IOException {
        JsonValue header = rpc.call("chain_getHeader", (Object) null);
        return number(header.asJsonObject());
    }

    @Override
    public List<Neuron> metagraph(int netuid) throws IOException {
        String at = text(rpc.call("chain_getHead"), "chain_getHead");
        byte[] arg = new ScaleWriter().u16(netuid).toBytes();
        List<ChainDecoders.NeuronLite> lite;
        try {
            lite = ChainDecoders.neuronsLite(stateCall("NeuronInfoRuntimeApi_get_neurons_lite", arg, at));
        } catch (ScaleException e) {
            throw new IOException("get_neurons_lite of subnet " + netuid + " does not decode: " + e.getMessage(), e);
        }
        Optional<ChainDecoders.SubnetState> state = Optional.empty();
        try {
            state = ChainDecoders.subnetState(stateCall("SubnetInfoRuntimeApi_get_subnet_state", arg, at));
        } catch (ScaleException | RpcException e) {
            LOG.log(System.Logger.Level.WARNING, "subnet {0}: get_subnet_state unusable ({1}); stakes are the "
                    + "neurons' own, registration blocks 0", netuid, e.getMessage());
        }
        List<Neuron> out = new ArrayList<>(lite.size());
        for (ChainDecoders.NeuronLite n : lite) {
            long stake = n.stakeSum();
            long registered = 0;
            if (state.isPresent() && n.uid() < state.get().totalStake().size()) {
                stake = state.get().totalStake().get(n.uid());
                registered = state.get().blockAtRegistration().get(n.uid());
            }
            out.add(new Neuron(n.uid(), Ss58.encode(n.hotkey()), Ss58.encode(n.coldkey()), stake,
                    n.validatorPermit(), n.axon().address(), registered, n.lastUpdate()));
        }
        return out;
    }

    /** The weight-setting settings of a subnet, read at the best block. */
    public Hyperparameters hyperparameters(int netuid) throws IOException {
        String at = text(rpc.call("chain_getHead"), "chain_getHead");
        long block = number(rpc.call("chain_getHeader", at).asJsonObject());
        byte[] key = new ScaleWriter().u16(netuid).toBytes();
        return new Hyperparameters(block,
                (int) storedNumber("SubnetworkN", at, 0, key),
                (int) storedNumber("Tempo", at, 360, key),
                storedNumber("WeightsSetRateLimit", at, 100, key),
                (int) storedNumber("MinAllowedWeights", at, 1, key),
                (int) storedNumber("MaxWeightsLimit", at, U16Weights.U16_MAX, key),
                storedNumber("WeightsVersionKey", at, 0, key),
                storedNumber("CommitRevealWeightsEnabled", at, 0, key) != 0,
                storedNumber("RevealPeriodEpochs", at, 1, key));
    }

    @Override
    public Neuron register(int netuid, String hotkeyAddress, String coldkey) throws IOException {
        for (Neuron n : metagraph(netuid)) {
            if (n.hotkey().equals(hotkeyAddress)) {
                return n;
            }
        }
        throw new ChainException("hotkey %s is not registered on subnet %d; registering on Bittensor burns the "
                + "coldkey's TAO: run `btcli subnet register --netuid %d` with that wallet, then start again",
                hotkeyAddress, netuid, netuid);
    }

    @Override
    public void addStake(int netuid, String hotkeyAddress, long amount) {
        throw new ChainException("staking spends the coldkey's TAO and this backend holds only the hotkey: use "
                + "`btcli stake add` for %s", hotkeyAddress);
    }

    @Override
    public void serveAxon(int netuid, String hotkeyAddress, String host, int port) throws IOException {
        Sr25519Keypair key = signerFor(hotkeyAddress, "serve an axon");
        if (port < 1 || port > 65535) {
            throw new ChainException("axon port %d is outside 1..65535", port);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ChainException("axon host '%s' does not resolve: %s", host, e.getMessage());
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            throw new ChainException("axon host %s is not reachable from other machines; publish the external "
                    + "address (--axon-host)", address.getHostAddress());
        }
        BigInteger ip = ChainDecoders.ipNumber(address);
        int ipType = address.getAddress().length == 4 ? 4 : 6;
        Runtime rt = currentRuntime();
        String at = text(rpc.call("chain_getHead"), "chain_getHead");
        Optional<byte[]> current = storage(rt.metadata(), SUBTENSOR, "Axons", at,
                new ScaleWriter().u16(netuid).toBytes(), key.publicKey());
        if (current.isPresent()) {
            ChainDecoders.AxonInfo info = ChainDecoders.axonInfo(new ScaleReader(current.get()));
            if (info.ip().equals(ip) && info.port() == port && info.ipType() == ipType
                    && info.version() == options.axonVersion() && info.protocol() == AXON_PROTOCOL) {
                LOG.log(System.Logger.Level.INFO, "axon {0}:{1} of {2} already on chain", host, port, hotkeyAddress);
                return;
            }
        }
        byte[] call = Calls.serveAxon(callIndex(rt, SUBTENSOR, "serve_axon"), netuid, options.axonVersion(), ip, port,
                ipType, AXON_PROTOCOL);
        submit(key, call, "serve_axon");
    }

    @Override
    public void setWeights(int netuid, String hotkeyAddress, Map<Integer, Double> weights) throws IOException {
        Sr25519Keypair key = signerFor(hotkeyAddress, "set weights");
        Runtime rt = currentRuntime();
        Hyperparameters hyper = hyperparameters(netuid);
        U16Weights u16;
        try {
            U16Weights.of(weights); // refuses negative and non-finite weights before they are processed away
            u16 = U16Weights.of(SubnetWeights.process(weights, hyper.subnetSize(), hyper.minAllowedWeights(),
                    hyper.maxWeightsLimit()));
        } catch (IllegalArgumentException e) {
            throw new ChainException("weights of subnet %d: %s", netuid, e.getMessage());
        }
        if (u16.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "subnet {0}: no weights to set", netuid);
            return;
        }
        long version = options.versionKey() >= 0 ? options.versionKey() : hyper.weightsVersionKey();
        if (!hyper.commitRevealEnabled()) {
            Optional<Metadata.CallIndex> mechanism = rt.metadata().call(SUBTENSOR, "set_mechanism_weights");
            byte[] call = mechanism.isPresent()
                    ? Calls.setMechanismWeights(mechanism.get(), netuid, MECHANISM, u16.uids(), u16.values(), version)
                    : Calls.setWeights(callIndex(rt, SUBTENSOR, "set_weights"), netuid, u16.uids(), u16.values(),
                    version);
            submit(key, call, mechanism.isPresent() ? "set_mechanism_weights" : "set_weights");
            return;
        }
        HashCommit calls = hashCommitCalls(rt, netuid);
        List<Integer> salt = options.randomness().salt();
        byte[] hash = Calls.commitHash(key.publicKey(), MECHANISM * NETUIDS_PER_MECHANISM + netuid, u16.uids(),
                u16.values(), salt, version);
        byte[] call = Calls.commitWeights(calls.commit(), netuid, calls.mechanism() ? MECHANISM : null, hash);
        submit(key, call, calls.commit().call());
        long revealEpoch = hyper.epoch(hyper.block(), netuid) + hyper.revealPeriodEpochs();
        synchronized (reveals) {
            reveals.add(new PendingReveal(netuid, u16.uids(), u16.values(), salt, version, revealEpoch));
        }
        LOG.log(System.Logger.Level.INFO, "subnet {0}: weights committed (hash {1}), reveal in epoch {2}", netuid,
                HexFormat.of().formatHex(hash), revealEpoch);
    }

    private record HashCommit(Metadata.CallIndex commit, Metadata.CallIndex reveal, boolean mechanism) {
    }

    private HashCommit hashCommitCalls(Runtime rt, int netuid) {
        Metadata m = rt.metadata();
        Optional<Metadata.CallIndex> commit = m.call(SUBTENSOR, "commit_mechanism_weights");
        Optional<Metadata.CallIndex> reveal = m.call(SUBTENSOR, "reveal_mechanism_weights");
        if (commit.isPresent() && reveal.isPresent()) {
            return new HashCommit(commit.get(), reveal.get(), true);
        }
        commit = m.call(SUBTENSOR, "commit_weights");
        reveal = m.call(SUBTENSOR, "reveal_weights");
        if (commit.isPresent() && reveal.isPresent()) {
            return new HashCommit(commit.get(), reveal.get(), false);
        }
        throw new ChainException("subnet %d requires commit-reveal and runtime spec %d accepts only timelocked "
                + "(drand) weight commits, which this client cannot produce (they need BLS12-381 encryption); no "
                + "weights were set. Ask the subnet owner, or set weights with the Python SDK", netuid,
                rt.specVersion());
    }

    /** The commits whose reveal is still to come. */
    public List<PendingReveal> pendingReveals() {
        synchronized (reveals) {
            return List.copyOf(reveals);
        }
    }

    /**
     * Submits the reveals whose epoch has come and drops those whose epoch has passed. Runs on its own every
     * {@link SubtensorOptions#revealPoll()}.
     *
     * @return how many reveals were submitted
     */
    public int revealDue() throws IOException {
        List<PendingReveal> due = new ArrayList<>();
        synchronized (reveals) {
            if (reveals.isEmpty()) {
                return 0;
            }
        }
        Map<Integer, Hyperparameters> byNetuid = new LinkedHashMap<>();
        synchronized (reveals) {
            for (PendingReveal r : List.copyOf(reveals)) {
                Hyperparameters h = byNetuid.get(r.netuid());
                if (h == null) {
                    h = hyperparameters(r.netuid());
                    byNetuid.put(r.netuid(), h);
                }
                long epoch = h.epoch(h.block(), r.netuid());
                if (epoch == r.revealEpoch()) {
                    due.add(r);
                    reveals.remove(r);
                } else if (epoch > r.revealEpoch()) {
                    reveals.remove(r);
                    LOG.log(System.Logger.Level.WARNING, "subnet {0}: reveal for epoch {1} missed (now epoch {2}); "
                            + "the commit expires unrevealed", r.netuid(), r.revealEpoch(), epoch);
                }
            }
        }
        Sr25519Keypair key = hotkey.orElseThrow();
        Runtime rt = currentRuntime();
        for (PendingReveal r : due) {
            HashCommit calls = hashCommitCalls(rt, r.netuid());
            byte[] call = Calls.revealWeights(calls.reveal(), r.netuid(), calls.mechanism() ? MECHANISM : null,
                    r.uids(), r.values(), r.salt(), r.versionKey());
            submit(key, call, calls.reveal().call());
        }
        return due.size();
    }

    private void revealDueQuietly() {
        try {
            revealDue();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "revealing committed weights failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<Integer, Double> weights(int netuid, String hotkeyAddress) throws IOException {
        Runtime rt = currentRuntime();
        String at = text(rpc.call("chain_getHead"), "chain_getHead");
        byte[] account = Ss58.decodeBittensor(hotkeyAddress);
        Optional<byte[]> uid = storage(rt.metadata(), SUBTENSOR, "Uids", at, new ScaleWriter().u16(netuid).toBytes(),
                account);
        if (uid.isEmpty()) {
            return Map.of();
        }
        Optional<byte[]> stored = storage(rt.metadata(), SUBTENSOR, "Weights", at,
                new ScaleWriter().u16(MECHANISM * NETUIDS_PER_MECHANISM + netuid).toBytes(), uid.get());
        if (stored.isEmpty()) {
            return Map.of();
        }
        List<int[]> pairs = ChainDecoders.weightPairs(stored.get());
        double sum = pairs.stream().mapToDouble(p -> p[1]).sum();
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (int[] p : pairs) {
            out.put(p[0], sum == 0 ? 0 : p[1] / sum);
        }
        return out;
    }

    @Override
    public void commit(int netuid, String hotkeyAddress, String data) throws IOException {
        Sr25519Keypair key = signerFor(hotkeyAddress, "publish a commitment");
        byte[] raw = data.getBytes(StandardCharsets.UTF_8);
        if (raw.length > Calls.MAX_RAW_COMMITMENT) {
            throw new ChainException("a commitment holds at most %d bytes, got %d", Calls.MAX_RAW_COMMITMENT,
                    raw.length);
        }
        if (commitment(netuid, hotkeyAddress).filter(data::equals).isPresent()) {
            LOG.log(System.Logger.Level.INFO, "subnet {0}: commitment of {1} already on chain", netuid, hotkeyAddress);
            return;
        }
        Runtime rt = currentRuntime();
        submit(key, Calls.setCommitment(callIndex(rt, COMMITMENTS, "set_commitment"), netuid, raw), "set_commitment");
    }

    @Override
    public Optional<String> commitment(int netuid, String hotkeyAddress) throws IOException {
        Runtime rt = currentRuntime();
        String at = text(rpc.call("chain_getHead"), "chain_getHead");
        Optional<byte[]> stored = storage(rt.metadata(), COMMITMENTS, "CommitmentOf", at,
                new ScaleWriter().u16(netuid).toBytes(), Ss58.decodeBittensor(hotkeyAddress));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ChainDecoders.commitmentText(stored.get());
        } catch (ScaleException e) {
            throw new IOException("commitment of " + hotkeyAddress + " does not decode: " + e.getMessage(), e);
        }
    }

    /**
     * Signs {@code call} with the hotkey and submits it: nonce from {@code account_nextIndex}, mortal era from the
     * finalized head.
     *
     * @return the transaction hash the node reports
     */
    private String submit(Sr25519Keypair key, byte[] call, String what) throws IOException {
        Runtime rt = currentRuntime();
        String finalized = text(rpc.call("chain_getFinalizedHead"), "chain_getFinalizedHead");
        long head = number(rpc.call("chain_getHeader", finalized).asJsonObject());
        Era era = Era.mortal(options.eraPeriod(), head);
        byte[] birthHash = Hex.decode(text(rpc.call("chain_getBlockHash", era.birth(head)), "chain_getBlockHash"));
        long nonce = rpc.call("account_nextIndex", key.ss58Address()) instanceof jakarta.json.JsonNumber n
                ? n.longValue() : -1;
        if (nonce < 0) {
            throw new IOException("account_nextIndex did not answer a number for " + key.ss58Address());
        }
        SignedExtensions.Parts parts = rt.extensions().encode(new SignedExtensions.TransactionContext(
                rt.specVersion(), rt.transactionVersion(), genesis, era, birthHash, nonce, 0));
        byte[] extrinsic = Extrinsics.signed(call, parts, key.publicKey(),
                message -> key.sign(message, options.randomness().witness()));
        try {
            String hash = text(rpc.call("author_submitExtrinsic", Hex.encode(extrinsic)), "author_submitExtrinsic");
            LOG.log(System.Logger.Level.INFO, "{0} submitted by {1}: {2}", what, key.ss58Address(), hash);
            return hash;
        } catch (RpcException e) {
            throw new ChainException("subtensor refused %s from %s: %s", what, key.ss58Address(), explain(e));
        }
    }

    private static String explain(RpcException e) {
        String data = e.data();
        int at = data.indexOf("Custom error: ");
        if (at >= 0) {
            String digits = data.substring(at + 14).replaceAll("[^0-9].*$", "");
            if (!digits.isEmpty()) {
                String meaning = CUSTOM_ERRORS.get(Integer.parseInt(digits));
                if (meaning != null) {
                    return e.getMessage() + ": " + meaning;
                }
            }
        }
        return e.getMessage();
    }

    /** The runtime, read again (metadata and extension check included) if the node has been upgraded. */
    private Runtime currentRuntime() throws IOException {
        Runtime known = runtime;
        JsonObject version = rpc.call("state_getRuntimeVersion").asJsonObject();
        long spec = version.getJsonNumber("specVersion").longValue();
        if (spec == known.specVersion()) {
            return known;
        }
        LOG.log(System.Logger.Level.INFO, "runtime upgraded from spec {0} to {1}; reading its metadata",
                known.specVersion(), spec);
        try {
            Runtime fresh = readRuntime(rpc);
            runtime = fresh;
            return fresh;
        } catch (UnsupportedRuntimeException e) {
            throw new ChainException("%s", e.getMessage());
        }
    }

    private Sr25519Keypair signerFor(String hotkeyAddress, String what) {
        Sr25519Keypair key = hotkey.orElseThrow(() -> new ChainException("cannot %s for %s: this subtensor backend "
                + "has no hotkey (give wallet and hotkey)", what, hotkeyAddress));
        if (!key.ss58Address().equals(hotkeyAddress)) {
            throw new ChainException("cannot %s for %s: this backend signs with hotkey %s", what, hotkeyAddress,
                    key.ss58Address());
        }
        return key;
    }

    private static Metadata.CallIndex callIndex(Runtime rt, String pallet, String call) {
        return rt.metadata().call(pallet, call).orElseThrow(() -> new ChainException("runtime spec %d has no call "
                + "%s.%s", rt.specVersion(), pallet, call));
    }

    private byte[] stateCall(String method, byte[] argument, String at) throws IOException {
        JsonValue result = rpc.call("state_call", method, Hex.encode(argument), at);
        return Hex.decode(text(result, method));
    }

    private Optional<byte[]> storage(Metadata metadata, String pallet, String item, String at, byte[]... parts)
            throws IOException {
        byte[] key;
        try {
            key = StorageKeys.key(metadata, pallet, item, parts);
        } catch (IllegalArgumentException e) {
            throw new ChainException("runtime spec %d: %s", runtime.specVersion(), e.getMessage());
        }
        JsonValue value = rpc.call("state_getStorage", Hex.encode(key), at);
        return value == JsonValue.NULL ? Optional.empty() : Optional.of(Hex.decode(text(value, item)));
    }

    /**
     * An unsigned number stored in {@code SubtensorModule.item}, or the item's default when nothing is stored, or
     * {@code absent} when this runtime has no such item.
     */
    private long storedNumber(String item, String at, long absent, byte[]... parts) throws IOException {
        Metadata metadata = runtime.metadata();
        Optional<Metadata.StorageEntry> entry = metadata.storage(SUBTENSOR, item);
        if (entry.isEmpty()) {
            return absent;
        }
        byte[] bytes = storage(metadata, SUBTENSOR, item, at, parts).orElse(entry.get().defaultValue());
        if (!(metadata.types().get(entry.get().valueType()) instanceof Metadata.Primitive p) || p.kind() > 6) {
            throw new ChainException("runtime spec %d: %s.%s is not an unsigned number up to u64", runtime.specVersion(),
                    SUBTENSOR, item);
        }
        ScaleReader in = new ScaleReader(bytes);
        return switch (p.kind()) {
            case 0 -> in.bool() ? 1 : 0;
            case 3 -> in.u8();
            case 4 -> in.u16();
            case 5 -> in.u32();
            case 6 -> in.u64();
            default -> throw new ChainException("runtime spec %d: %s.%s has primitive type %d", runtime.specVersion(),
                    SUBTENSOR, item, p.kind());
        };
    }

    private static long number(JsonObject header) {
        return Long.parseLong(header.getString("number").substring(2), 16);
    }

    private static String text(JsonValue value, String what) throws IOException {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new IOException(what + ": expected a string result, got " + value);
    }

    @Override
    public void close() {
        if (revealer != null) {
            revealer.shutdownNow();
        }
        rpc.close();
    }

    @Override
    public String toString() {
        return "SubtensorChain[" + rpc.endpoint() + ", spec " + runtime.specVersion() + ", signer "
                + signer().orElse("none") + "]";
    }
}
