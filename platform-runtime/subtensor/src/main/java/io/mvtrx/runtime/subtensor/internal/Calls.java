package io.mvtrx.runtime.subtensor.internal;

import java.math.BigInteger;
import java.util.List;

/** SCALE calls ({@code pallet index ‖ call index ‖ arguments}) of the extrinsics a miner and a validator send. */
public final class Calls {

    /** Longest {@code Data::Raw} commitment field. */
    public static final int MAX_RAW_COMMITMENT = 128;

    private Calls() {
    }

    /** {@code SubtensorModule.set_weights(netuid, dests, weights, version_key)}. */
    public static byte[] setWeights(Metadata.CallIndex call, int netuid, List<Integer> uids, List<Integer> values,
                                    long versionKey) {
        return head(call).u16(netuid).u16s(uids).u16s(values).u64(versionKey).toBytes();
    }

    /** {@code SubtensorModule.set_mechanism_weights(netuid, mecid, dests, weights, version_key)}. */
    public static byte[] setMechanismWeights(Metadata.CallIndex call, int netuid, int mechanism, List<Integer> uids,
                                             List<Integer> values, long versionKey) {
        return head(call).u16(netuid).u8(mechanism).u16s(uids).u16s(values).u64(versionKey).toBytes();
    }

    /** {@code commit_weights(netuid, hash)} or, with a mechanism, {@code commit_mechanism_weights(netuid, mecid, hash)}. */
    public static byte[] commitWeights(Metadata.CallIndex call, int netuid, Integer mechanism, byte[] hash) {
        ScaleWriter w = head(call).u16(netuid);
        if (mechanism != null) {
            w.u8(mechanism);
        }
        return w.raw(hash).toBytes();
    }

    /** {@code reveal_weights} or {@code reveal_mechanism_weights} (with a mechanism). */
    public static byte[] revealWeights(Metadata.CallIndex call, int netuid, Integer mechanism, List<Integer> uids,
                                       List<Integer> values, List<Integer> salt, long versionKey) {
        ScaleWriter w = head(call).u16(netuid);
        if (mechanism != null) {
            w.u8(mechanism);
        }
        return w.u16s(uids).u16s(values).u16s(salt).u64(versionKey).toBytes();
    }

    /**
     * The hash a hash commit carries: BLAKE2b-256 of {@code (hotkey, netuid_index, uids, values, salt, version_key)},
     * netuid_index = mechanism × 4096 + netuid.
     */
    public static byte[] commitHash(byte[] hotkey, int netuidIndex, List<Integer> uids, List<Integer> values,
                                    List<Integer> salt, long versionKey) {
        return Hashing.blake2b256(commitPreimage(hotkey, netuidIndex, uids, values, salt, versionKey));
    }

    /** The SCALE bytes hashed by {@link #commitHash}. */
    public static byte[] commitPreimage(byte[] hotkey, int netuidIndex, List<Integer> uids, List<Integer> values,
                                        List<Integer> salt, long versionKey) {
        return new ScaleWriter().raw(hotkey).u16(netuidIndex).u16s(uids).u16s(values).u16s(salt).u64(versionKey)
                .toBytes();
    }

    /**
     * {@code serve_axon(netuid, version, ip, port, ip_type, protocol, placeholder1, placeholder2)}.
     *
     * @param ip     the address as an unsigned integer (IPv4 in the low 32 bits)
     * @param ipType 4 or 6
     */
    public static byte[] serveAxon(Metadata.CallIndex call, int netuid, long version, BigInteger ip, int port,
                                   int ipType, int protocol) {
        return head(call).u16(netuid).u32(version).u128(ip).u16(port).u8(ipType).u8(protocol).u8(0).u8(0).toBytes();
    }

    /** {@code Commitments.set_commitment(netuid, {fields: [Raw(data)]})}. */
    public static byte[] setCommitment(Metadata.CallIndex call, int netuid, byte[] raw) {
        return head(call).u16(netuid).compact(1).raw(rawData(raw)).toBytes();
    }

    /** {@code Data::Raw}: one byte {@code 1 + length}, then the bytes. */
    public static byte[] rawData(byte[] raw) {
        if (raw.length > MAX_RAW_COMMITMENT) {
            throw new IllegalArgumentException(String.format("a commitment field holds at most %d bytes, got %d",
                    MAX_RAW_COMMITMENT, raw.length));
        }
        return new ScaleWriter().u8(1 + raw.length).raw(raw).toBytes();
    }

    private static ScaleWriter head(Metadata.CallIndex call) {
        return new ScaleWriter().u8(call.palletIndex()).u8(call.callIndex());
    }
}
