package io.mvtrx.runtime.subtensor.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decoders of the runtime-API results and storage values the backend reads (layouts of spec 343 and later). */
public final class ChainDecoders {

    private static final BigInteger IPV4_LIMIT = BigInteger.ONE.shiftLeft(32);

    private ChainDecoders() {
    }

    /** An axon as stored on chain. */
    public record AxonInfo(long block, long version, BigInteger ip, int port, int ipType, int protocol) {

        /** {@code host:port} ({@code [v6]:port} for IPv6), or empty when the ip is 0 (not serving). */
        public String address() {
            if (ip.signum() == 0) {
                return "";
            }
            return hostText(ip, ipType) + ":" + port;
        }
    }

    /** One entry of {@code get_neurons_lite}. */
    public record NeuronLite(byte[] hotkey, byte[] coldkey, int uid, int netuid, boolean active, AxonInfo axon,
                             long stakeSum, long emission, int incentive, int consensus, int trust,
                             int validatorTrust, int dividends, long lastUpdate, boolean validatorPermit,
                             int pruningScore) {
    }

    /** Per-uid vectors of {@code get_subnet_state} that the metagraph uses. */
    public record SubnetState(int netuid, List<Long> blockAtRegistration, List<Long> totalStake) {
    }

    /** {@code Vec<NeuronInfoLite>}; every byte must be consumed. */
    public static List<NeuronLite> neuronsLite(byte[] bytes) {
        ScaleReader in = new ScaleReader(bytes);
        int n = (int) in.compact();
        List<NeuronLite> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(neuronLite(in));
        }
        requireEnd(in, "get_neurons_lite");
        return out;
    }

    private static NeuronLite neuronLite(ScaleReader in) {
        byte[] hotkey = in.raw(32);
        byte[] coldkey = in.raw(32);
        int uid = (int) in.compact();
        int netuid = (int) in.compact();
        boolean active = in.bool();
        AxonInfo axon = axonInfo(in);
        in.u64(); // prometheus block
        in.u32(); // version
        in.u128(); // ip
        in.u16(); // port
        in.u8(); // ip type
        int stakes = (int) in.compact();
        long stakeSum = 0;
        for (int s = 0; s < stakes; s++) {
            in.raw(32);
            stakeSum += in.compact();
        }
        in.compact(); // rank
        long emission = in.compact();
        int incentive = (int) in.compact();
        int consensus = (int) in.compact();
        int trust = (int) in.compact();
        int validatorTrust = (int) in.compact();
        int dividends = (int) in.compact();
        long lastUpdate = in.compact();
        boolean permit = in.bool();
        int pruning = (int) in.compact();
        return new NeuronLite(hotkey, coldkey, uid, netuid, active, axon, stakeSum, emission, incentive, consensus,
                trust, validatorTrust, dividends, lastUpdate, permit, pruning);
    }

    /** {@code AxonInfo}: block u64, version u32, ip u128, port u16, ip_type u8, protocol u8, two placeholders. */
    public static AxonInfo axonInfo(ScaleReader in) {
        long block = in.u64();
        long version = in.u32();
        BigInteger ip = in.u128();
        int port = in.u16();
        int ipType = in.u8();
        int protocol = in.u8();
        in.u8();
        in.u8();
        return new AxonInfo(block, version, ip, port, ipType, protocol);
    }

    /** {@code Option<SubnetState>}; empty for a subnet that does not exist. */
    public static Optional<SubnetState> subnetState(byte[] bytes) {
        ScaleReader in = new ScaleReader(bytes);
        if (!in.option()) {
            return Optional.empty();
        }
        int netuid = (int) in.compact();
        skipVec(in, 32); // hotkeys
        skipVec(in, 32); // coldkeys
        skipVec(in, 1); // active
        skipVec(in, 1); // validator_permit
        for (int v = 0; v < 7; v++) {
            compacts(in); // pruning_score, last_update, emission, dividends, incentives, consensus, trust
        }
        compacts(in); // rank
        List<Long> registered = compacts(in);
        compacts(in); // alpha_stake
        compacts(in); // tao_stake
        List<Long> total = compacts(in);
        int history = (int) in.compact();
        for (int h = 0; h < history; h++) {
            compacts(in);
        }
        requireEnd(in, "get_subnet_state");
        return Optional.of(new SubnetState(netuid, registered, total));
    }

    /** {@code Vec<(Compact<u16>, Compact<u16>)>} as uid → weight pairs. */
    public static List<int[]> weightPairs(byte[] bytes) {
        ScaleReader in = new ScaleReader(bytes);
        int n = (int) in.compact();
        List<int[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new int[] {(int) in.compact(), (int) in.compact()});
        }
        return out;
    }

    /**
     * The first text field of a {@code Commitments.CommitmentOf} registration ({@code deposit u64, block u32,
     * info {fields: Vec<Data>}}): a {@code Raw} or {@code BigRaw} field as UTF-8.
     */
    public static Optional<String> commitmentText(byte[] registration) {
        ScaleReader in = new ScaleReader(registration);
        in.u64();
        in.u32();
        int fields = (int) in.compact();
        for (int f = 0; f < fields; f++) {
            int tag = in.u8();
            if (tag >= 1 && tag <= 1 + Calls.MAX_RAW_COMMITMENT) {
                return Optional.of(new String(in.raw(tag - 1), java.nio.charset.StandardCharsets.UTF_8));
            } else if (tag >= 0x82 && tag <= 0x85) {
                in.raw(32);
            } else if (tag == 0x86) {
                in.bytes();
                in.u64();
            } else if (tag == 0x88) {
                return Optional.of(new String(in.bytes(), java.nio.charset.StandardCharsets.UTF_8));
            } else if (tag != 0 && tag != 0x87) {
                throw new ScaleException("commitment: unknown Data tag 0x%02x", tag);
            }
        }
        return Optional.empty();
    }

    /** An IP address as the chain's u128 and its type (4 or 6). */
    public static BigInteger ipNumber(InetAddress address) {
        return new BigInteger(1, address.getAddress());
    }

    /** The text of a u128 IP. */
    public static String hostText(BigInteger ip, int ipType) {
        boolean v4 = ipType == 4 || (ipType != 6 && ip.compareTo(IPV4_LIMIT) < 0);
        byte[] raw = new byte[v4 ? 4 : 16];
        byte[] big = ip.toByteArray();
        for (int i = 0; i < raw.length && i < big.length; i++) {
            raw[raw.length - 1 - i] = big[big.length - 1 - i];
        }
        try {
            String text = InetAddress.getByAddress(raw).getHostAddress();
            return v4 ? text : "[" + text + "]";
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
        }
    }

    private static List<Long> compacts(ScaleReader in) {
        int n = (int) in.compact();
        List<Long> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.compact());
        }
        return out;
    }

    private static void skipVec(ScaleReader in, int elementBytes) {
        int n = (int) in.compact();
        in.raw(n * elementBytes);
    }

    private static void requireEnd(ScaleReader in, String what) {
        if (!in.atEnd()) {
            throw new ScaleException("%s: %d bytes left after decoding (layout differs from spec 343+)", what,
                    in.remaining());
        }
    }
}
