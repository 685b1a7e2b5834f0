package io.mvtrx.testkit.book;

/**
 * The state fingerprint every MVTRX book computes, so that books of different implementations holding the same
 * orders in the same queue order hash alike. The fold, which the plugins repeat word for word (they cannot depend
 * on the test kit):
 * {@snippet :
 * long h = EMPTY;
 * for (Side side : Side.values()) {              // BUY then SELL
 *     h = mix(h, levelCount(side));
 *     for (level : levels best first) {
 *         h = mix(mix(mix(h, price), levelQuantity), orderCount);
 *         for (order : queue order) {
 *             h = mix(mix(mix(h, orderId), agentId), quantity);
 *         }
 *     }
 * }
 * }
 * where {@code mix(h, v)} is {@code x = (h ^ v) * 0x9E3779B97F4A7C15L; return x ^ (x >>> 29)}. Timestamps are not
 * part of the state: queue order is.
 */
public final class BookHash {

    /** Hash of the fold's start. */
    public static final long EMPTY = 0x6D76_7472_785F_626BL;

    private BookHash() {
    }

    /** Folds one word into the hash. */
    public static long mix(long hash, long value) {
        long h = (hash ^ value) * 0x9E37_79B9_7F4A_7C15L;
        return h ^ (h >>> 29);
    }

    /** Folds a level header. */
    public static long level(long hash, long price, long quantity, int orders) {
        return mix(mix(mix(hash, price), quantity), orders);
    }

    /** Folds one resting order. */
    public static long order(long hash, long orderId, int agentId, long quantity) {
        return mix(mix(mix(hash, orderId), agentId), quantity);
    }
}
