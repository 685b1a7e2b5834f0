package io.mvtrx.runtime.exchange;

import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.PluginProvider;
import io.mvtrx.api.spi.fees.FeeContext;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.fees.FeePolicyProvider;
import io.mvtrx.api.spi.matching.MatchingRule;
import io.mvtrx.api.spi.matching.MatchingRuleProvider;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The whole exchange on one core — intake, reservation, matching on a {@code PriceTime} book, settlement with fees,
 * release — on exchange-core's order-book benchmark mix (STYLE.md §23):
 *
 * <ul>
 *   <li>one book at the production decimals (P 2, V 4, B 4, Q 10) around 300.00, started with about
 *       {@value #TARGET_ORDERS} resting orders over some 750 price levels, 1,000 funded accounts (agents 0..999, so
 *       all count as miners for the dynamic policy);</li>
 *   <li>60 % GTC limit orders near the touch: while the book holds fewer than {@value #TARGET_ORDERS} orders they
 *       join their own side 0–9 ticks behind the touch (half of them anywhere within 900 ticks), otherwise they
 *       cross the touch by 0–2 ticks, trade, and rest what is left;</li>
 *   <li>25 % full cancels of a remembered resting order (one that has filled since is a cheap reject, and the next
 *       remembered order is tried, up to four);</li>
 *   <li>10 % IOC limit orders at the touch and market orders (half each);</li>
 *   <li>5 % FOK orders at the touch and post-only orders behind it (half each);</li>
 *   <li>sizes 1–10 base, STP CO, the clock advancing 1 µs per operation, fees by the {@code fees} parameter:
 *       {@code tiered} (the reference's production tiers) or {@code dynamic} (simulator-054.md §4.11 production
 *       values).</li>
 * </ul>
 *
 * The stream is generated on the fly from a seeded xorshift, so each measured call also pays a few nanoseconds of
 * generation. {@link #throughput} reports operations per second; {@link #latency} samples single operations
 * (p50/p99/p99.9). Run with {@code -prof gc} for allocation per operation.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExchangeBenchmark {

    static final int TARGET_ORDERS = 1_000;
    private static final int ACCOUNTS = 1_000;
    private static final long MID = 30_000;
    private static final long LOT = 10_000;

    /** Fee policy: {@code tiered} or {@code dynamic}. */
    @Param({"tiered", "dynamic"})
    public String fees;

    private Exchange exchange;
    private long now;
    private long seed = 0x9E3779B97F4A7C15L;
    private final long[] live = new long[1 << 14];
    private final int[] owners = new int[1 << 14];
    private int liveCount;
    private final Tracker tracker = new Tracker();

    /** Remembers orders that rest, so cancels aim at live orders; counts outcomes for the workload's description. */
    final class Tracker implements ExchangeListener {

        final long[] rejects = new long[64];
        long trades;
        long placed;
        long cancelled;

        @Override
        public void onPlaced(long timestamp, int bookId, long orderId, int agentId, long clientOrderId,
                             OrderType type, Side side, long price, long volume, long leverage,
                             StpMode stp) {
            placed++;
            int slot = liveCount == live.length ? (int) next(liveCount) : liveCount++;
            live[slot] = orderId;
            owners[slot] = agentId;
        }

        @Override
        public void onRejected(long timestamp, int bookId, int agentId, long clientOrderId,
                               OrderType type, Side side, RejectReason reason) {
            rejects[reason.ordinal()]++;
        }

        @Override
        public void onCancelRejected(long timestamp, int bookId, int agentId, long orderId,
                                     RejectReason reason) {
            rejects[reason.ordinal()]++;
        }

        @Override
        public void onTrade(long timestamp, int bookId, long tradeId, Side takerSide, long takerOrderId,
                            long makerOrderId, int takerAgentId, int makerAgentId, long price, long volume,
                            long takerFee, long makerFee) {
            trades++;
        }

        @Override
        public void onCancelled(long timestamp, int bookId, long orderId, int agentId, long price, long volume,
                                long remaining, CancelReason reason) {
            cancelled++;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        BookDecimals decimals = BookDecimals.REFERENCE;
        ExchangeSpec spec = ExchangeSpec.simple(1, decimals).withExpectedOrders(4 * TARGET_ORDERS);
        MatchingRule rule = provider(MatchingRuleProvider.class, "PriceTime").create(Settings.empty("Books"));
        FeePolicy policy = provider(FeePolicyProvider.class, fees).create(feeSettings(fees),
                new FeeContext(1, decimals));
        exchange = new Exchange(spec, rule, policy, tracker);
        for (int agent = 0; agent < ACCOUNTS; agent++) {
            exchange.deposit(agent, 0, 1_000_000L * LOT, 100_000_000L * decimals.quote().unit() / 10);
        }
        while (exchange.orderCount(0) < TARGET_ORDERS) {
            boolean buy = (next() & 1) == 0;
            long distance = 1 + next(900);
            exchange.placeLimit((int) next(ACCOUNTS), 0, buy ? Side.BUY : Side.SELL,
                    buy ? MID - distance : MID + distance, (1 + next(10)) * LOT, TimeInForce.GTC, StpMode.CO);
        }
    }

    private static <P extends PluginProvider> P provider(Class<P> type, String name) {
        for (P provider : ServiceLoader.load(type)) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        throw new IllegalStateException(String.format(
                "no %s named '%s' on the class path; build with the plugin modules", type.getSimpleName(), name));
    }

    private static Settings feeSettings(String name) {
        return switch (name) {
            case "tiered" -> Settings.builder("FeePolicy").attribute("historySlots", "24")
                    .attribute("slotPeriod", "3600000000000")
                    .child(tier("0", "0.005", "0.005")).child(tier("200000", "0.0025", "0.003"))
                    .child(tier("400000", "0.00125", "0.0018")).child(tier("800000", "0.00063", "0.00108"))
                    .child(tier("1600000", "0.00031", "0.00064")).child(tier("3200000", "0.00016", "0.00038"))
                    .build();
            case "dynamic" -> Settings.builder("FeePolicy").attribute("historySlots", "300")
                    .attribute("makerFee", "0.000").attribute("takerFee", "0.00023")
                    .attribute("maxMakerRate", "0.015").attribute("maxTakerRate", "0.015")
                    .attribute("targetMTR", "0.4").attribute("shapeMakerFee", "2").attribute("shapeMakerRebate", "2")
                    .build();
            default -> throw new IllegalArgumentException("unknown fee policy " + name);
        };
    }

    private static Settings.Builder tier(String volume, String maker, String taker) {
        return Settings.builder("Tier").attribute("volumeRequired", volume).attribute("makerFee", maker)
                .attribute("takerFee", taker);
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

    /** Operations per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long throughput() {
        return operation();
    }

    /** Sampled time of single operations. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long latency() {
        return operation();
    }

    private long operation() {
        now += 1_000;
        exchange.advanceTo(now);
        int agent = (int) next(ACCOUNTS);
        long size = (1 + next(10)) * LOT;
        long bid = exchange.bestBid(0);
        long ask = exchange.bestAsk(0);
        if (bid == 0) {
            bid = ask == 0 ? MID - 1 : ask - 1;
        }
        if (ask == 0) {
            ask = bid + 1;
        }
        // buy more often below 300.00 and sell more often above, so the price wanders but stays near it
        long drift = Math.max(-300, Math.min(300, (bid + ask) / 2 - MID));
        boolean buy = next(1000) < 500 - drift;
        Side side = buy ? Side.BUY : Side.SELL;
        int dice = (int) next(100);
        if (dice < 60) {
            long price;
            if (exchange.orderCount(0) < TARGET_ORDERS) {
                long distance = next(10) < 5 ? next(900) : next(10);
                price = buy ? Math.min(bid, ask - 1) - distance : Math.max(ask, bid + 1) + distance;
            } else {
                long cross = next(3);
                price = buy ? ask + cross : bid - cross;
            }
            return exchange.placeLimit(agent, 0, side, Math.max(1, price), size, TimeInForce.GTC, StpMode.CO);
        }
        if (dice < 85) {
            // a remembered order may have filled since; try up to four of them
            long result = 0;
            for (int attempt = 0; attempt < 4 && liveCount > 0; attempt++) {
                int pick = (int) next(liveCount);
                long id = live[pick];
                int owner = owners[pick];
                liveCount--;
                live[pick] = live[liveCount];
                owners[pick] = owners[liveCount];
                result = exchange.cancel(owner, 0, id, CancelOrders.Cancellation.ALL);
                if (result >= 0) {
                    break;
                }
            }
            return result;
        }
        if (dice < 95) {
            if ((dice & 1) == 0) {
                return exchange.placeLimit(agent, 0, side, buy ? ask : bid, size, TimeInForce.IOC, StpMode.CO);
            }
            return exchange.placeMarket(agent, 0, side, size, StpMode.CO);
        }
        if ((dice & 1) == 0) {
            return exchange.placeLimit(agent, 0, side, buy ? ask : bid, size, TimeInForce.FOK, StpMode.CO);
        }
        return exchange.placeLimit(agent, 0, side, buy ? Math.min(bid, ask - 1) - next(5)
                : Math.max(ask, bid + 1) + next(5), size, Currency.BASE, 0, TimeInForce.GTC, 0, true, StpMode.CO,
                Order.NO_CLIENT_ID, SettleFlag.FIFO, 0, 0);
    }

    /** Runs only this benchmark (the shaded JAR's main runs whatever the command line selects). */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ExchangeBenchmark.class.getSimpleName()).build()).run();
    }
}
