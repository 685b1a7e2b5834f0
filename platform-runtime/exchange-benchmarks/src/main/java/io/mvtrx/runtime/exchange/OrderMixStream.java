package io.mvtrx.runtime.exchange;

/**
 * exchange-core's order-book mix as a closed-loop operation stream, so that every venue measured on it — our
 * exchange, our book alone, exchange-core's book and exchange-core's risk + matching + settlement — is fed by the
 * same generator from the same seed:
 *
 * <ul>
 *   <li>{@link #seed} rests about {@value #TARGET_ORDERS} orders of {@value #ACCOUNTS} agents within 900 ticks of
 *       {@value #MID} (bids below, asks above);</li>
 *   <li>60 % GTC limit orders near the touch: while the venue rests fewer than {@value #TARGET_ORDERS} orders they
 *       join their own side 0–9 ticks behind the touch (half of them anywhere within 900 ticks), otherwise they
 *       cross the touch by 0–2 ticks, trade, and rest what is left;</li>
 *   <li>25 % full cancels of a remembered resting order (one that has filled since is a cheap reject, and the next
 *       remembered order is tried, up to {@value #CANCEL_ATTEMPTS});</li>
 *   <li>10 % IOC limit orders at the touch and market orders (5 % each);</li>
 *   <li>5 % FOK orders at the touch (2 %) and post-only orders 0–4 ticks behind their own side's touch (3 %);</li>
 *   <li>sizes 1–10 lots; buys are likelier below {@value #MID} and sells above, so the price wanders but stays
 *       near it.</li>
 * </ul>
 *
 * <p>The stream is closed-loop: prices follow the venue's touch, the GTC branch asks the venue how many orders
 * rest, and cancels aim at orders the venue reported resting ({@link #remember}). Two venues that match alike see
 * the same operations; where their rules differ (self-trade prevention, FOK semantics) the streams drift apart by
 * as much as the outcomes do. Randomness is a 64-bit xorshift drawn in a fixed order, so a run is reproducible.
 *
 * <p>Thread-confined; allocates nothing after construction. One {@link #next} costs a few nanoseconds of generation
 * on top of what the venue does.
 */
public final class OrderMixStream {

    /** Resting orders the stream steers the book towards. */
    public static final int TARGET_ORDERS = 1_000;
    /** Agents 0..ACCOUNTS-1 place the orders. */
    public static final int ACCOUNTS = 1_000;
    /** The price (ticks) the book starts and stays around: 300.00 at two price decimals. */
    public static final long MID = 30_000;
    /** Cancels tried per cancel operation when remembered orders have filled since. */
    public static final int CANCEL_ATTEMPTS = 4;
    /** The seed of the published figures. */
    public static final long DEFAULT_SEED = 0x9E3779B97F4A7C15L;

    private static final int MEMORY = 1 << 14;

    /**
     * What the stream drives. Prices are ticks, sizes lots; {@code 0} means "no price". Return values only need to
     * depend on the outcome (they feed JMH's blackhole), except {@link #cancel}'s sign.
     */
    public interface Venue {

        /** Called once at the start of every {@link #next} operation. */
        void advanceClock();

        /** Best bid in ticks, or 0 when there is none. */
        long bestBid();

        /** Best ask in ticks, or 0 when there is none. */
        long bestAsk();

        /** Orders resting in the book. */
        int restingOrders();

        /** A GTC limit order: matches, then rests the remainder (and {@link #remember}s it). */
        long limit(int agent, boolean buy, long price, long lots);

        /** An IOC limit order: matches up to {@code price}, the remainder is dropped. */
        long immediateOrCancel(int agent, boolean buy, long price, long lots);

        /** A market order: matches at any price, the remainder is dropped. */
        long market(int agent, boolean buy, long lots);

        /** A FOK limit order: fills completely up to {@code price} or does nothing. */
        long fillOrKill(int agent, boolean buy, long price, long lots);

        /** A post-only order; the stream only sends prices behind the touch. */
        long postOnly(int agent, boolean buy, long price, long lots);

        /** Cancels an order of {@code owner}; negative when the venue rejects it (unknown, filled). */
        long cancel(int owner, long orderId);
    }

    private long seed;
    private final long[] live = new long[MEMORY];
    private final int[] owners = new int[MEMORY];
    private int liveCount;

    /** A stream from {@code seed} (non-zero). */
    public OrderMixStream(long seed) {
        if (seed == 0) {
            throw new IllegalArgumentException("xorshift seed must be non-zero");
        }
        this.seed = seed;
    }

    /** A stream from {@link #DEFAULT_SEED}. */
    public OrderMixStream() {
        this(DEFAULT_SEED);
    }

    /** Rests orders within 900 ticks of {@link #MID} until the venue holds {@value #TARGET_ORDERS}. */
    public void seed(Venue venue) {
        while (venue.restingOrders() < TARGET_ORDERS) {
            boolean buy = (next() & 1) == 0;
            long distance = 1 + next(900);
            long price = buy ? MID - distance : MID + distance;
            int agent = (int) next(ACCOUNTS);
            venue.limit(agent, buy, price, 1 + next(10));
        }
    }

    /**
     * Notes an order that now rests, as a later cancel target. Venues call it from {@link Venue#limit} and
     * {@link Venue#postOnly} when a remainder rests; once {@code 16 384} orders are remembered a random one is
     * forgotten.
     */
    public void remember(long orderId, int owner) {
        int slot = liveCount == MEMORY ? (int) next(liveCount) : liveCount++;
        live[slot] = orderId;
        owners[slot] = owner;
    }

    /** Plays one operation on {@code venue}; returns the venue's answer. */
    public long next(Venue venue) {
        venue.advanceClock();
        int agent = (int) next(ACCOUNTS);
        long lots = 1 + next(10);
        long bid = venue.bestBid();
        long ask = venue.bestAsk();
        if (bid == 0) {
            bid = ask == 0 ? MID - 1 : ask - 1;
        }
        if (ask == 0) {
            ask = bid + 1;
        }
        // buy more often below MID and sell more often above, so the price wanders but stays near it
        long drift = Math.max(-300, Math.min(300, (bid + ask) / 2 - MID));
        boolean buy = next(1000) < 500 - drift;
        int dice = (int) next(100);
        if (dice < 60) {
            long price;
            if (venue.restingOrders() < TARGET_ORDERS) {
                long distance = next(10) < 5 ? next(900) : next(10);
                price = buy ? Math.min(bid, ask - 1) - distance : Math.max(ask, bid + 1) + distance;
            } else {
                long cross = next(3);
                price = buy ? ask + cross : bid - cross;
            }
            return venue.limit(agent, buy, Math.max(1, price), lots);
        }
        if (dice < 85) {
            // a remembered order may have filled since; try up to four of them
            long result = 0;
            for (int attempt = 0; attempt < CANCEL_ATTEMPTS && liveCount > 0; attempt++) {
                int pick = (int) next(liveCount);
                long id = live[pick];
                int owner = owners[pick];
                liveCount--;
                live[pick] = live[liveCount];
                owners[pick] = owners[liveCount];
                result = venue.cancel(owner, id);
                if (result >= 0) {
                    break;
                }
            }
            return result;
        }
        if (dice < 95) {
            if ((dice & 1) == 0) {
                return venue.immediateOrCancel(agent, buy, buy ? ask : bid, lots);
            }
            return venue.market(agent, buy, lots);
        }
        if ((dice & 1) == 0) {
            return venue.fillOrKill(agent, buy, buy ? ask : bid, lots);
        }
        return venue.postOnly(agent, buy, buy ? Math.min(bid, ask - 1) - next(5) : Math.max(ask, bid + 1) + next(5),
                lots);
    }

    private long next() {
        long x = seed;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        seed = x;
        return x;
    }

    /** Uniform in [0, bound) without a division (Lemire's multiply-shift). */
    private long next(int bound) {
        return ((next() >>> 32) * bound) >>> 32;
    }
}
