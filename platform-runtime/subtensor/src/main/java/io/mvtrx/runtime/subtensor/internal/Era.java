package io.mvtrx.runtime.subtensor.internal;

/**
 * A transaction's mortality window (Substrate {@code generic::Era}): valid from its birth block for {@code period}
 * blocks. The SDK signs with period 128 at the finalized head, so a stuck transaction expires in ~25 minutes.
 *
 * @param period blocks of validity, a power of two in [4, 65536]
 * @param phase  birth block modulo period (quantized)
 */
public record Era(long period, long phase) {

    /** The SDK's period. */
    public static final long DEFAULT_PERIOD = 128;

    /** The era of {@code period} (rounded up to a power of two, clamped) starting at {@code current}. */
    public static Era mortal(long period, long current) {
        long p = Long.highestOneBit(Math.max(period - 1, 1)) << 1;
        p = Math.clamp(p, 4, 1 << 16);
        long quantize = Math.max(p >> 12, 1);
        long phase = current % p / quantize * quantize;
        return new Era(p, phase);
    }

    /** The two encoded bytes, low first. */
    public byte[] encode() {
        int trailing = Long.numberOfTrailingZeros(period);
        long quantize = Math.max(period >> 12, 1);
        int low = Math.min(15, Math.max(1, trailing - 1));
        int encoded = (int) (low | ((phase / quantize) << 4));
        return new byte[] {(byte) encoded, (byte) (encoded >>> 8)};
    }

    /** Decodes the two bytes of a mortal era. */
    public static Era decode(int first, int second) {
        int encoded = first | (second << 8);
        long period = 2L << (encoded % (1 << 4));
        long quantize = Math.max(period >> 12, 1);
        long phase = (long) (encoded >> 4) * quantize;
        if (period < 4 || phase >= period) {
            throw new ScaleException("invalid mortal era %02x%02x", first, second);
        }
        return new Era(period, phase);
    }

    /** The first block of the window that contains {@code current}. */
    public long birth(long current) {
        return (Math.max(current, phase) - phase) / period * period + phase;
    }

    /** The first block at which the transaction is no longer valid. */
    public long death(long current) {
        return birth(current) + period;
    }
}
