package io.mvtrx.runtime.wire.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import io.mvtrx.api.order.OrderList;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.runtime.wire.codec.AccountsBase;
import io.mvtrx.runtime.wire.codec.StateCodec;

import com.google.protobuf.ByteString;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One publish's payloads for every miner, on one thread, as the validator writes them: each miner a market maker with
 * {@code orders} open orders on each of 128 books, of which the two oldest were cancelled and two new quotes placed
 * since the publish before (the example maker's steady state). {@code whole} writes every account's orders; {@code
 * changes} writes them as changes to the publish before ({@code AccountOrderChanges}), found by comparing the lists;
 * {@code changesRecorded} the same changes read from the record the simulation puts on each account's orders
 * ({@code OrderList#withChangesFrom}); {@code diffOnly} finds the
 * changes without writing anything. As the simulation hands them over, each publish's orders are one block of columns
 * and every account a slice of it; with {@code revisions} each order carries one, kept by the copied rows, as the
 * exchange gives them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PayloadBenchmark {

    @Param("256")
    int miners;

    @Param("34")
    int orders;

    /** Whether the orders carry revisions, as the exchange's do: the diff then reads two columns, not twelve. */
    @Param({"true", "false"})
    boolean revisions;

    private long revision;

    private static final int BOOKS = 128;

    private List<Map<Integer, Account>> before;
    private List<Map<Integer, Account>> after;
    private List<Map<Integer, Account>> afterRecorded;
    private List<AccountsBase> bases;
    private ByteString simulation;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        OrderList.Columns first = new OrderList.Columns(miners * BOOKS * orders);
        OrderList.Columns second = new OrderList.Columns(miners * BOOKS * orders);
        before = new ArrayList<>();
        after = new ArrayList<>();
        afterRecorded = new ArrayList<>();
        bases = new ArrayList<>();
        Balance balance = new Balance(1_000_000_000L, 900_000_000L, 100_000_000L, 1_000_000_000L);
        FeeRates fees = new FeeRates(12_345, 100, 500);
        for (int miner = 0; miner < miners; miner++) {
            Map<Integer, Account> x = new TreeMap<>();
            Map<Integer, Account> y = new TreeMap<>();
            Map<Integer, Account> z = new TreeMap<>();
            for (int book = 0; book < BOOKS; book++) {
                int from = first.rows();
                for (int k = 0; k < orders; k++) {
                    quote(first, random, book, miner, 1_000 + 3L * k, revisions ? ++revision : 0);
                }
                int to = first.rows();
                x.put(book, new Account(miner, book, balance, balance, 0, 0, 0, 0, first.slice(from, to), List.of(),
                        fees));
                int again = second.rows();
                OrderList resting = first.slice(from, to);
                for (int k = 2; k < orders; k++) {
                    second.add(resting, k);
                }
                quote(second, random, book, miner, 5_000, revisions ? ++revision : 0);
                quote(second, random, book, miner, 5_001, revisions ? ++revision : 0);
                OrderList now = second.slice(again, second.rows());
                y.put(book, new Account(miner, book, balance, balance, 0, 0, 0, 0, now, List.of(), fees));
                // as the simulation hands them over: the two oldest gone, the two newest added, recorded
                z.put(book, new Account(miner, book, balance, balance, 0, 0, 0, 0, now.withChangesFrom(resting,
                        new int[] {0, 1}, new int[] {now.size() - 2, now.size() - 1}), List.of(), fees));
            }
            before.add(x);
            after.add(y);
            afterRecorded.add(z);
            bases.add(new AccountsBase(1_700_000_000_000_000_000L + miner, x));
        }
        simulation = StateCodec.encode(new SimulationInfo("bench", miners, 8, 16, 86_400_000_000_000L,
                60_000_000_000L, 5_000_000_000L, BookDecimals.REFERENCE, 2_500, 100, 4_0000, 100_000_000_000_000L,
                10_000_000, 30_000, "tiered")).toByteString();
    }

    private static void quote(OrderList.Columns block, SplittableRandom random, int book, int agent, long id,
                              long revision) {
        int row = block.append(1);
        block.set(row, id, book, agent, 0, random.nextBoolean() ? Side.BUY : Side.SELL,
                29_000_000 + random.nextInt(20_000), 2_500 + random.nextInt(7_500), 0, 1_000_000_000L * id,
                TimeInForce.GTC, 0, StpMode.CO);
        block.revision(row, revision);
    }

    @Benchmark
    public long whole() {
        long bytes = 0;
        for (int miner = 0; miner < miners; miner++) {
            bytes += StateCodec.encodePayload(miner, 1, simulation, after.get(miner), List.of()).size();
        }
        return bytes;
    }

    @Benchmark
    public long changes() {
        long bytes = 0;
        for (int miner = 0; miner < miners; miner++) {
            bytes += StateCodec.encodePayload(miner, 1, simulation, after.get(miner), List.of(), bases.get(miner))
                    .bytes().size();
        }
        return bytes;
    }

    /** As {@link #changes}, each account's orders carrying their changes as the simulation records them. */
    @Benchmark
    public long changesRecorded() {
        long bytes = 0;
        for (int miner = 0; miner < miners; miner++) {
            bytes += StateCodec.encodePayload(miner, 1, simulation, afterRecorded.get(miner), List.of(),
                    bases.get(miner)).bytes().size();
        }
        return bytes;
    }

    private final OrderList.Diff diff = new OrderList.Diff();

    @Benchmark
    public void diffOnly(Blackhole sink) {
        for (int miner = 0; miner < miners; miner++) {
            Map<Integer, Account> base = before.get(miner);
            for (Map.Entry<Integer, Account> e : after.get(miner).entrySet()) {
                sink.consume(diff.compute((OrderList) base.get(e.getKey()).orders(),
                        (OrderList) e.getValue().orders()));
                sink.consume(diff.addedCount());
            }
        }
    }
}
