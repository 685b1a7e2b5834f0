package io.mvtrx.runtime.validator.node;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.runtime.simulator.Publication;
import io.mvtrx.runtime.simulator.Simulation;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.validator.node.Fixtures.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10 000 random and malformed responses thrown at the validator while the simulation keeps stepping: books out of
 * range, zero, negative and extreme prices, volumes, leverages, expiries and delays, resets from miners, answers for
 * another uid, timeouts and failures, replies for uids that were not asked. The loop must account for every one and
 * the run must finish.
 */
class ValidatorFuzzTest {

    private static final long[] EXTREMES = {0, -1, 1, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE};

    /** Random replies for every uid asked, and now and then one for a uid that was not. */
    private static final class RandomTransport implements MinerTransport {
        final SplittableRandom random = new SplittableRandom(20_260_523L);
        long replies;
        long failed;
        long unasked;
        long screenable;

        @Override
        public List<MinerReply> query(Publication publication, List<Neuron> miners) {
            List<MinerReply> out = new ArrayList<>();
            for (Neuron miner : miners) {
                out.add(reply(miner.uid(), publication));
            }
            if (random.nextInt(50) == 0) {
                unasked++;
                out.add(MinerReply.answered(99, AgentResponse.empty(99), 1));
            }
            return out;
        }

        private MinerReply reply(int uid, Publication publication) {
            replies++;
            int roll = random.nextInt(20);
            if (roll == 0) {
                return MinerReply.missing(uid, MinerReply.Outcome.TIMEOUT, 3_000_000_000L, "slow");
            }
            if (roll == 1) {
                failed++;
                return MinerReply.missing(uid, MinerReply.Outcome.FAILED, 5, "broken");
            }
            if (roll == 2) {
                return MinerReply.missing(uid, MinerReply.Outcome.REFUSED, 5, "refused");
            }
            int agentId = random.nextInt(10) == 0 ? uid + 1 : uid;
            int count = random.nextInt(30) == 0 ? 400 : random.nextInt(12);
            List<Instruction> instructions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                instructions.add(instruction());
            }
            if (agentId == uid && !publication.last()) {
                screenable += count;
            }
            long nanos = random.nextInt(4) == 0 ? random.nextLong(0, Long.MAX_VALUE) : random.nextLong(0,
                    5_000_000_000L);
            return MinerReply.answered(uid, new AgentResponse(agentId, instructions), nanos);
        }

        private Instruction instruction() {
            int book = random.nextInt(-2, 5);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            long delay = random.nextInt(8) == 0 ? random.nextLong(0, Long.MAX_VALUE)
                    : random.nextLong(0, 2_000_000_000L);
            return switch (random.nextInt(6)) {
                case 0, 1 -> new PlaceLimit(book, side, price(), volume(), pick(Currency.values()), leverage(),
                        pick(TimeInForce.values()), wild(), random.nextBoolean(), pick(StpMode.values()),
                        random.nextLong(), random.nextLong(-3, 100), wild(), wild(), delay);
                case 2 -> new PlaceMarket(book, side, volume(), pick(Currency.values()), leverage(), wild(),
                        pick(StpMode.values()), random.nextLong(), random.nextLong(-3, 100), wild(), wild(), delay);
                case 3 -> new CancelOrders(book, cancellations(), delay);
                case 4 -> new ClosePositions(book, closes(), delay);
                default -> new ResetAgents(List.of(random.nextInt(-1, 5)), delay);
            };
        }

        private List<CancelOrders.Cancellation> cancellations() {
            List<CancelOrders.Cancellation> list = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                list.add(new CancelOrders.Cancellation(random.nextLong(-2, 5_000), wild()));
            }
            return list;
        }

        private List<ClosePositions.PositionClose> closes() {
            List<ClosePositions.PositionClose> list = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                list.add(new ClosePositions.PositionClose(random.nextLong(-2, 5_000), wild()));
            }
            return list;
        }

        private long price() {
            return random.nextInt(3) == 0 ? wild() : random.nextLong(29_000, 31_000);
        }

        private long volume() {
            return random.nextInt(3) == 0 ? wild() : random.nextLong(2_500, 40_000);
        }

        private long leverage() {
            return random.nextInt(3) == 0 ? wild() : random.nextLong(0, 50_000);
        }

        private long wild() {
            return random.nextBoolean() ? EXTREMES[random.nextInt(EXTREMES.length)] : random.nextLong();
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        @Override
        public void close() {
        }
    }

    @Test
    void survivesTenThousandRandomResponsesAndAccountsForEachInstruction() {
        RandomTransport transport = new RandomTransport();
        ValidatorLoop loop = Fixtures.loop(Fixtures.settings(), transport, Roster.fixed(Fixtures.neurons(0, 1, 2, 3)));
        try (loop; Simulation simulation = Fixtures.attach(loop, Fixtures.small(), 2_560 * SECOND, 3)) {
            while (!simulation.finished()) {
                simulation.step();
            }
            LoopStats stats = loop.stats();
            assertThat(transport.replies).isGreaterThanOrEqualTo(10_000);
            assertThat(stats.publishes()).isEqualTo(2_501);
            assertThat(stats.queried()).isEqualTo(transport.replies);
            assertThat(stats.answered() + stats.timeouts() + stats.refusedQueries() + transport.failed)
                    .isEqualTo(transport.replies);
            // replies for uid 99, which was never asked, count as failed: dropped, never injected
            assertThat(transport.unasked).isPositive();
            assertThat(stats.failedQueries()).isEqualTo(transport.failed + transport.unasked);
            assertThat(stats.accepted() + stats.refusedTotal()).isEqualTo(transport.screenable);
            assertThat(stats.accepted()).isPositive();
            assertThat(stats.foreignResponses()).isPositive();
            assertThat(stats.suppressedNotices()).isZero();
            assertThat(stats.scorings()).isEqualTo(501);
        }
    }
}
