package io.mvtrx.runtime.bittensor.keys.internal;

import java.nio.charset.StandardCharsets;

/**
 * The subset of STROBE v1.0.2 at the 128-bit security level that Merlin uses: meta-AD, AD, PRF and KEY, without
 * the transport flag. Byte for byte what merlin's {@code strobe.rs} computes.
 *
 * <p>Mutable and not thread-safe; {@link #copy()} forks a state.
 */
final class Strobe128 {

    /** Rate in bytes for security level 128: 200 - 128/4 - 2. */
    private static final int R = 166;

    private static final int FLAG_I = 1;
    private static final int FLAG_A = 1 << 1;
    private static final int FLAG_C = 1 << 2;
    private static final int FLAG_M = 1 << 4;
    private static final int FLAG_K = 1 << 5;

    private final byte[] state;
    private int pos;
    private int posBegin;
    private int curFlags;

    private Strobe128(byte[] state, int pos, int posBegin, int curFlags) {
        this.state = state;
        this.pos = pos;
        this.posBegin = posBegin;
        this.curFlags = curFlags;
    }

    /** A fresh STROBE-128 object for a protocol label. */
    static Strobe128 create(byte[] protocolLabel) {
        byte[] st = new byte[Keccak1600.STATE_BYTES];
        byte[] head = {1, (byte) (R + 2), 1, 0, 1, 96};
        System.arraycopy(head, 0, st, 0, head.length);
        byte[] version = "STROBEv1.0.2".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(version, 0, st, 6, version.length);
        Keccak1600.permute(st);
        Strobe128 strobe = new Strobe128(st, 0, 0, 0);
        strobe.metaAd(protocolLabel, false);
        return strobe;
    }

    /** An independent copy of this state. */
    Strobe128 copy() {
        return new Strobe128(state.clone(), pos, posBegin, curFlags);
    }

    void metaAd(byte[] data, boolean more) {
        beginOp(FLAG_M | FLAG_A, more);
        absorb(data);
    }

    void ad(byte[] data, boolean more) {
        beginOp(FLAG_A, more);
        absorb(data);
    }

    void prf(byte[] out, boolean more) {
        beginOp(FLAG_I | FLAG_A | FLAG_C, more);
        squeeze(out);
    }

    void key(byte[] data, boolean more) {
        beginOp(FLAG_A | FLAG_C, more);
        overwrite(data);
    }

    private void runF() {
        state[pos] ^= (byte) posBegin;
        state[pos + 1] ^= 0x04;
        state[R + 1] ^= (byte) 0x80;
        Keccak1600.permute(state);
        pos = 0;
        posBegin = 0;
    }

    private void absorb(byte[] data) {
        for (byte b : data) {
            state[pos] ^= b;
            if (++pos == R) {
                runF();
            }
        }
    }

    private void overwrite(byte[] data) {
        for (byte b : data) {
            state[pos] = b;
            if (++pos == R) {
                runF();
            }
        }
    }

    private void squeeze(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = state[pos];
            state[pos] = 0;
            if (++pos == R) {
                runF();
            }
        }
    }

    private void beginOp(int flags, boolean more) {
        if (more) {
            if (curFlags != flags) {
                throw new IllegalStateException("cannot continue STROBE operation " + curFlags + " as " + flags);
            }
            return;
        }
        int oldBegin = posBegin;
        posBegin = pos + 1;
        curFlags = flags;
        absorb(new byte[] {(byte) oldBegin, (byte) flags});
        // C and K operations start on a fresh block
        if ((flags & (FLAG_C | FLAG_K)) != 0 && pos != 0) {
            runF();
        }
    }
}
