package io.mvtrx.plugin.chain.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainException;
import io.mvtrx.api.spi.chain.Neuron;

/**
 * An embedded chain persisted in one text file ({@code chain-state.txt}). Block height advances with wall-clock
 * time from the genesis instant at {@link LocalChainRules#blockTime()}. Every write is persisted before it
 * returns: temporary file, fsync, atomic rename, so a crash loses nothing that was acknowledged.
 *
 * <p>Thread-safe: all methods synchronize on the chain (writes are rare and small).
 */
public final class LocalChain implements ChainBackend {

    static final String STATE_FILE = "chain-state.txt";
    private static final String HEADER = "mvtrx-local-chain 1";

    private final Path file;
    private final LocalChainRules rules;
    private final InstantSource clock;
    private final Instant genesis;
    private final Map<Integer, Subnet> subnets = new TreeMap<>();

    /** Mutable slot state. */
    private static final class Slot {
        String hotkey;
        String coldkey;
        long stake;
        String axon = "";
        long registeredAt;
        long lastUpdate;
        Map<Integer, Double> weights = Map.of();
    }

    private static final class Subnet {
        final Map<Integer, Slot> slots = new TreeMap<>();
        final Map<String, String> commitments = new TreeMap<>();
    }

    private LocalChain(Path file, LocalChainRules rules, InstantSource clock, Instant genesis) {
        this.file = file;
        this.rules = rules;
        this.clock = clock;
        this.genesis = genesis;
    }

    /** Opens the chain in {@code dir}, creating it (genesis now) if absent. */
    public static LocalChain open(Path dir, LocalChainRules rules, InstantSource clock) {
        Path file = dir.resolve(STATE_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                LocalChain chain = new LocalChain(file, rules, clock, clock.instant());
                chain.persist();
                return chain;
            }
            return load(file, rules, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open local chain at " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long blockHeight() {
        long elapsed = Math.max(0, clock.millis() - genesis.toEpochMilli());
        return elapsed / rules.blockTime().toMillis();
    }

    @Override
    public synchronized List<Neuron> metagraph(int netuid) {
        Subnet subnet = subnets.get(netuid);
        if (subnet == null) {
            return List.of();
        }
        List<Integer> permitted = permitted(subnet);
        List<Neuron> neurons = new ArrayList<>(subnet.slots.size());
        subnet.slots.forEach((uid, s) -> neurons.add(new Neuron(uid, s.hotkey, s.coldkey, s.stake,
                permitted.contains(uid), s.axon, s.registeredAt, s.lastUpdate)));
        return neurons;
    }

    @Override
    public synchronized Neuron register(int netuid, String hotkey, String coldkey) throws IOException {
        requireKey("hotkey", hotkey);
        requireKey("coldkey", coldkey);
        Subnet subnet = subnets.computeIfAbsent(netuid, n -> new Subnet());
        Optional<Integer> existing = uidOf(subnet, hotkey);
        if (existing.isPresent()) {
            return neuron(netuid, existing.get());
        }
        long now = blockHeight();
        int uid;
        if (subnet.slots.size() < rules.maxUids()) {
            uid = 0;
            while (subnet.slots.containsKey(uid)) {
                uid++;
            }
        } else {
            uid = subnet.slots.entrySet().stream()
                    .filter(e -> now - e.getValue().registeredAt >= rules.immunityPeriod())
                    .min(Comparator.comparingLong((Map.Entry<Integer, Slot> e) -> e.getValue().registeredAt)
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey)
                    .orElseThrow(() -> new ChainException(
                            "subnet %d is full (%d uids) and every neuron is within its immunity period of %d blocks",
                            netuid, rules.maxUids(), rules.immunityPeriod()));
            subnet.commitments.remove(subnet.slots.get(uid).hotkey);
        }
        Slot slot = new Slot();
        slot.hotkey = hotkey;
        slot.coldkey = coldkey;
        slot.registeredAt = now;
        subnet.slots.put(uid, slot);
        persist();
        return neuron(netuid, uid);
    }

    @Override
    public synchronized void serveAxon(int netuid, String hotkey, String host, int port) throws IOException {
        if (host == null || host.isBlank() || host.contains(" ") || port < 1 || port > 65_535) {
            throw new ChainException("axon must be a host and a port in 1..65535, got '%s:%d'", host, port);
        }
        slot(netuid, hotkey).axon = host + ":" + port;
        persist();
    }

    @Override
    public synchronized void addStake(int netuid, String hotkey, long amount) throws IOException {
        if (amount <= 0) {
            throw new ChainException("stake amount must be > 0, got %d", amount);
        }
        Slot slot = slot(netuid, hotkey);
        slot.stake = Math.addExact(slot.stake, amount);
        persist();
    }

    @Override
    public synchronized void setWeights(int netuid, String hotkey, Map<Integer, Double> weights) throws IOException {
        Subnet subnet = subnets.get(netuid);
        Slot slot = slot(netuid, hotkey);
        int uid = uidOf(subnet, hotkey).orElseThrow();
        if (!permitted(subnet).contains(uid)) {
            throw new ChainException("hotkey %s (uid %d) has no validator permit on subnet %d", hotkey, uid, netuid);
        }
        long now = blockHeight();
        if (slot.lastUpdate > 0 && now - slot.lastUpdate < rules.weightsRateLimit()) {
            throw new ChainException("weights of uid %d are rate-limited: last set at block %d, now %d, limit %d blocks",
                    uid, slot.lastUpdate, now, rules.weightsRateLimit());
        }
        double total = 0;
        for (Map.Entry<Integer, Double> e : weights.entrySet()) {
            if (!subnet.slots.containsKey(e.getKey())) {
                throw new ChainException("weight for uid %d, which is not registered on subnet %d", e.getKey(), netuid);
            }
            double w = e.getValue();
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new ChainException("weight for uid %d must be a finite number >= 0, got %s", e.getKey(), w);
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new ChainException("weights must contain at least one positive value");
        }
        Map<Integer, Double> normalized = new TreeMap<>();
        for (Map.Entry<Integer, Double> e : weights.entrySet()) {
            if (e.getValue() > 0) {
                normalized.put(e.getKey(), e.getValue() / total);
            }
        }
        slot.weights = normalized;
        slot.lastUpdate = Math.max(now, 1);
        persist();
    }

    @Override
    public synchronized Map<Integer, Double> weights(int netuid, String hotkey) {
        return Map.copyOf(slot(netuid, hotkey).weights);
    }

    @Override
    public synchronized void commit(int netuid, String hotkey, String data) throws IOException {
        slot(netuid, hotkey);
        if (data == null || data.length() > 1024) {
            throw new ChainException("commitment must be at most 1024 characters");
        }
        subnets.get(netuid).commitments.put(hotkey, data);
        persist();
    }

    @Override
    public synchronized Optional<String> commitment(int netuid, String hotkey) {
        Subnet subnet = subnets.get(netuid);
        return subnet == null ? Optional.empty() : Optional.ofNullable(subnet.commitments.get(hotkey));
    }

    @Override
    public void close() {
        // Every write is already on disk.
    }

    private List<Integer> permitted(Subnet subnet) {
        return subnet.slots.entrySet().stream()
                .filter(e -> e.getValue().stake >= Math.max(rules.minValidatorStake(), 1))
                .sorted(Comparator.comparingLong((Map.Entry<Integer, Slot> e) -> -e.getValue().stake)
                        .thenComparing(Map.Entry::getKey))
                .limit(rules.maxValidators())
                .map(Map.Entry::getKey)
                .toList();
    }

    private Neuron neuron(int netuid, int uid) {
        return metagraph(netuid).stream().filter(n -> n.uid() == uid).findFirst().orElseThrow();
    }

    private Slot slot(int netuid, String hotkey) {
        Subnet subnet = subnets.get(netuid);
        Optional<Integer> uid = subnet == null ? Optional.empty() : uidOf(subnet, hotkey);
        if (uid.isEmpty()) {
            throw new ChainException("hotkey %s is not registered on subnet %d", hotkey, netuid);
        }
        return subnet.slots.get(uid.get());
    }

    private static Optional<Integer> uidOf(Subnet subnet, String hotkey) {
        return subnet.slots.entrySet().stream()
                .filter(e -> e.getValue().hotkey.equals(hotkey))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static void requireKey(String what, String key) {
        if (key == null || key.isBlank() || key.chars().anyMatch(Character::isWhitespace)) {
            throw new ChainException("%s must be a non-empty key without spaces, got '%s'", what, key);
        }
    }

    private void persist() throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("genesis\t").append(genesis.toEpochMilli()).append('\n');
        Base64.Encoder b64 = Base64.getEncoder();
        subnets.forEach((netuid, subnet) -> {
            subnet.slots.forEach((uid, s) -> {
                text.append("neuron\t").append(netuid).append('\t').append(uid).append('\t').append(s.hotkey)
                        .append('\t').append(s.coldkey).append('\t').append(s.stake).append('\t')
                        .append(s.axon.isEmpty() ? "-" : s.axon).append('\t').append(s.registeredAt).append('\t')
                        .append(s.lastUpdate).append('\n');
                if (!s.weights.isEmpty()) {
                    text.append("weights\t").append(netuid).append('\t').append(uid).append('\t');
                    List<String> pairs = new ArrayList<>();
                    s.weights.forEach((u, w) -> pairs.add(u + ":" + Double.toString(w)));
                    text.append(String.join(",", pairs)).append('\n');
                }
            });
            subnet.commitments.forEach((hotkey, data) -> text.append("commit\t").append(netuid).append('\t')
                    .append(hotkey).append('\t')
                    .append(b64.encodeToString(data.getBytes(StandardCharsets.UTF_8))).append('\n'));
        });
        Path temp = file.resolveSibling("." + STATE_FILE + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static LocalChain load(Path file, LocalChainRules rules, InstantSource clock) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            throw new IOException(file + ": not a local chain state (expected first line '" + HEADER + "')");
        }
        Map<String, String> scalars = new HashMap<>();
        List<Map.Entry<Integer, String[]>> records = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length == 2) {
                scalars.put(f[0], f[1]);
            } else if (f.length > 2) {
                records.add(Map.entry(i + 1, f));
            }
        }
        String genesis = scalars.get("genesis");
        if (genesis == null) {
            throw new IOException(file + ": missing genesis line");
        }
        LocalChain chain = new LocalChain(file, rules, clock, Instant.ofEpochMilli(Long.parseLong(genesis)));
        Base64.Decoder b64 = Base64.getDecoder();
        int lineNo = 0;
        try {
            for (Map.Entry<Integer, String[]> record : records) {
                lineNo = record.getKey();
                String[] f = record.getValue();
                switch (f[0]) {
                    case "neuron" -> {
                        Slot s = new Slot();
                        s.hotkey = f[3];
                        s.coldkey = f[4];
                        s.stake = Long.parseLong(f[5]);
                        s.axon = f[6].equals("-") ? "" : f[6];
                        s.registeredAt = Long.parseLong(f[7]);
                        s.lastUpdate = Long.parseLong(f[8]);
                        chain.subnets.computeIfAbsent(Integer.parseInt(f[1]), n -> new Subnet())
                                .slots.put(Integer.parseInt(f[2]), s);
                    }
                    case "weights" -> {
                        Map<Integer, Double> w = new LinkedHashMap<>();
                        for (String pair : f[3].split(",")) {
                            String[] kv = pair.split(":");
                            w.put(Integer.parseInt(kv[0]), Double.parseDouble(kv[1]));
                        }
                        chain.subnets.get(Integer.parseInt(f[1])).slots.get(Integer.parseInt(f[2])).weights = w;
                    }
                    case "commit" -> chain.subnets.computeIfAbsent(Integer.parseInt(f[1]), n -> new Subnet())
                            .commitments.put(f[2], new String(b64.decode(f[3]), StandardCharsets.UTF_8));
                    default -> throw new IOException("unknown record '" + f[0] + "'");
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": malformed record at line " + lineNo + ": " + e, e);
        }
        return chain;
    }
}
