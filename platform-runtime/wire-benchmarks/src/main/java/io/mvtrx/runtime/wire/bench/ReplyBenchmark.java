package io.mvtrx.runtime.wire.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.runtime.wire.codec.AgentReplyReader;
import io.mvtrx.runtime.wire.codec.InstructionCodec;
import io.mvtrx.runtime.wire.proto.MinerProto;

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
 * One publish's replies as the validator reads them, on one thread: {@code miners} replies of a market maker's two
 * quotes on each of 128 books (256 {@code PlaceLimit} a reply). {@code generated} parses each into protobuf's
 * generated messages and then decodes the records; {@code direct} reads the records straight from the bytes
 * ({@code AgentReplyReader}, what the fan-out does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReplyBenchmark {

    private static final int BOOKS = 128;

    @Param("256")
    int miners;

    private List<byte[]> replies;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        replies = new ArrayList<>(miners);
        for (int miner = 0; miner < miners; miner++) {
            MinerProto.AgentReply.Builder reply = MinerProto.AgentReply.newBuilder().setAgentId(miner)
                    .setAccountsKept(random.nextLong());
            for (int book = 0; book < BOOKS; book++) {
                long mid = 100_000_00L + random.nextLong(1_000_00L);
                for (Side side : Side.values()) {
                    long price = side == Side.BUY ? mid - random.nextLong(1, 500) : mid + random.nextLong(1, 500);
                    reply.addInstructions(InstructionCodec.encode(new PlaceLimit(book, side, price,
                            1 + random.nextLong(10_0000), Currency.BASE, 0, TimeInForce.GTC, 0, false, StpMode.CO,
                            random.nextLong(1_000_000), 0, 0, 0, 0)));
                }
            }
            replies.add(reply.build().toByteArray());
        }
    }

    @Benchmark
    public void generated(Blackhole out) throws IOException {
        for (byte[] bytes : replies) {
            MinerProto.AgentReply reply = MinerProto.AgentReply.parseFrom(bytes);
            AgentResponse response = InstructionCodec.decode(reply);
            out.consume(response);
            out.consume(reply.getAccountsKept());
        }
    }

    @Benchmark
    public void direct(Blackhole out) throws IOException {
        for (byte[] bytes : replies) {
            AgentReplyReader.Reply reply = AgentReplyReader.read(bytes);
            out.consume(reply.response());
            out.consume(reply.accountsKept());
        }
    }
}
