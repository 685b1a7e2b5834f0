package io.mvtrx.runtime.validator.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.notice.SimulationStarted;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.bittensor.axon.Axon;
import io.mvtrx.runtime.bittensor.axon.AxonConfig;
import io.mvtrx.runtime.bittensor.axon.Dendrite;
import io.mvtrx.runtime.bittensor.axon.payload.Compression;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.simulator.Publication;

/** The validator's Bittensor transport against real axons on loopback: the same agents, the reference wire. */
class BittensorTransportIT {

    static Sr25519Keypair key(int seed) {
        byte[] mini = new byte[32];
        mini[0] = (byte) seed;
        return Sr25519Keypair.fromMiniSecret(mini);
    }

    static final Sr25519Keypair VALIDATOR = key(100);
    static final SimulationInfo SIM = new SimulationInfo("sim-1", 4, 1, 2, 86_400_000_000_000L, 0, 1_000_000_000L,
            BookDecimals.REFERENCE, 2_500, 100, 40_000, 100_000_000_000_000L, 10_000_000, 30_000, "static");

    static StateUpdate update(int uid) {
        List<BookState> books = List.of(new BookState(new BookSnapshot(0, 5_000, List.of(Level.broad(29_990, 20_000)),
                List.of(Level.broad(30_010, 10_000))), List.of(), 0));
        Account account = new Account(uid, 0, new Balance(100_000, 100_000, 0, 100_000),
                new Balance(500_000_000_000_000L, 500_000_000_000_000L, 0, 500_000_000_000_000L), 0, 0, 0, 0,
                List.of(), List.of(), new FeeRates(0, 0, 23_000));
        return new StateUpdate(5_000, SIM, books, Map.of(0, account), List.of(new SimulationStarted(5_000, "sim-1")));
    }

    static final class Agent implements TradingAgent {
        final int answerAs;
        final AtomicReference<StateUpdate> seen = new AtomicReference<>();
        final List<TrainingAssignment> assignments = new java.util.concurrent.CopyOnWriteArrayList<>();

        Agent(int answerAs) {
            this.answerAs = answerAs;
        }

        @Override
        public void start(int agentId, SimulationInfo simulation) {
        }

        @Override
        public void onAssignment(TrainingAssignment assignment) {
            assignments.add(assignment);
        }

        @Override
        public AgentResponse respond(StateUpdate state) {
            seen.set(state);
            return new AgentResponse(answerAs, List.of(new PlaceLimit(0, Side.BUY, 29_995, 10_000, Currency.BASE, 0,
                    TimeInForce.GTC, 0, false, StpMode.CO, Order.NO_CLIENT_ID, SettleFlag.NONE, 0, 0, 0)));
        }
    }

    @Test
    void queriesAxonsAsThePythonValidatorAndClassifiesTheirAnswers() {
        Neuron validator = new Neuron(9, VALIDATOR.ss58Address(), "c", 5_000_000_000_000L, true, "0.0.0.0:0", 0, 0);
        Agent good = new Agent(0);
        Agent wrongUid = new Agent(5);
        Agent refusing = new Agent(3);
        Sr25519Keypair k0 = key(1);
        Sr25519Keypair k1 = key(2);
        Sr25519Keypair k3 = key(4);
        try (Axon a0 = Axon.start(AxonConfig.defaults(k0.ss58Address(), 0).withHost("127.0.0.1"), good,
                     h -> h.equals(validator.hotkey()) ? Optional.of(validator) : Optional.empty());
             Axon a1 = Axon.start(AxonConfig.defaults(k1.ss58Address(), 0).withHost("127.0.0.1"), wrongUid,
                     h -> h.equals(validator.hotkey()) ? Optional.of(validator) : Optional.empty());
             Axon a3 = Axon.start(AxonConfig.defaults(k3.ss58Address(), 0).withHost("127.0.0.1"), refusing,
                     h -> Optional.empty());
             BittensorTransport transport = new BittensorTransport(
                     new Dendrite(VALIDATOR, "203.0.113.9", Duration.ofSeconds(1), Axon::nowNanos),
                     Duration.ofSeconds(3), Duration.ofSeconds(4), Compression.LZ4, 1 << 20)) {
            List<Neuron> miners = List.of(
                    new Neuron(0, k0.ss58Address(), "c", 0, false, "127.0.0.1:" + a0.port(), 0, 0),
                    new Neuron(1, k1.ss58Address(), "c", 0, false, "127.0.0.1:" + a1.port(), 0, 0),
                    new Neuron(2, key(3).ss58Address(), "c", 0, false, "0.0.0.0:0", 0, 0),
                    new Neuron(3, k3.ss58Address(), "c", 0, false, "127.0.0.1:" + a3.port(), 0, 0));
            Publication publication = new Publication(5_000, SIM, update(0).books(),
                    Map.of(0, update(0), 1, update(1), 2, update(2), 3, update(3)), false);

            List<MinerReply> replies = transport.query(publication, miners);

            assertThat(replies).extracting(MinerReply::uid).containsExactly(0, 1, 2, 3);
            assertThat(replies.get(0).outcome()).isEqualTo(MinerReply.Outcome.ANSWERED);
            assertThat(replies.get(0).response()).isEqualTo(good.respond(update(0)));
            assertThat(replies.get(0).responseNanos()).isPositive();
            assertThat(good.seen.get().books()).isEqualTo(update(0).books());
            assertThat(good.seen.get().accounts()).isEqualTo(update(0).accounts());
            assertThat(good.seen.get().simulation()).isEqualTo(SIM);

            assertThat(replies.get(1).outcome()).isEqualTo(MinerReply.Outcome.FAILED);
            assertThat(replies.get(1).detail()).isEqualTo("response is for agent 5, not uid 1");
            assertThat(replies.get(2).outcome()).isEqualTo(MinerReply.Outcome.FAILED);
            assertThat(replies.get(2).detail()).isEqualTo("axon 0.0.0.0: not serving");
            assertThat(replies.get(3).outcome()).isEqualTo(MinerReply.Outcome.REFUSED);
            assertThat(replies.get(3).detail())
                    .isEqualTo("403: Forbidden. Key is blacklisted: Unrecognized hotkey.");
            assertThat(refusing.seen.get()).isNull();
            assertThat(a3.refused(403)).isEqualTo(1);
        }
    }

    @Test
    void deliversEachMinerItsOwnGenTrxAssignmentAsASignedSynapse() {
        Neuron validator = new Neuron(9, VALIDATOR.ss58Address(), "c", 5_000_000_000_000L, true, "0.0.0.0:0", 0, 0);
        Agent good = new Agent(0);
        Agent refusing = new Agent(3);
        Sr25519Keypair k0 = key(1);
        Sr25519Keypair k3 = key(4);
        BucketAccess bucket = new BucketAccess("s3", "http://127.0.0.1:9000", "vb", "AK", "SK");
        TrainingAssignment forGood = new TrainingAssignment(12, 3, List.of("0", "4"), 1_000, 2_000,
                List.of("data/9/0/intervals/a.parquet", "data/9/4/intervals/b.parquet"), bucket, 9, "",
                Map.of("top_k_frac", "0.1"));
        TrainingAssignment forRefusing = new TrainingAssignment(12, 3, List.of("7"), 1_000, 2_000,
                List.of("data/9/7/intervals/c.parquet"), bucket, 9, "", Map.of());
        try (Axon a0 = Axon.start(AxonConfig.defaults(k0.ss58Address(), 0).withHost("127.0.0.1"), good,
                     h -> h.equals(validator.hotkey()) ? Optional.of(validator) : Optional.empty());
             Axon a3 = Axon.start(AxonConfig.defaults(k3.ss58Address(), 0).withHost("127.0.0.1"), refusing,
                     h -> Optional.empty());
             BittensorTransport transport = new BittensorTransport(
                     new Dendrite(VALIDATOR, "203.0.113.9", Duration.ofSeconds(1), Axon::nowNanos),
                     Duration.ofSeconds(3), Duration.ofSeconds(4), Compression.LZ4, 1 << 20)) {
            List<Neuron> miners = List.of(
                    new Neuron(0, k0.ss58Address(), "c", 0, false, "127.0.0.1:" + a0.port(), 0, 0),
                    new Neuron(2, key(3).ss58Address(), "c", 0, false, "0.0.0.0:0", 0, 0),
                    new Neuron(3, k3.ss58Address(), "c", 0, false, "127.0.0.1:" + a3.port(), 0, 0));

            var accepted = transport.assign(Map.of(0, forGood, 2, forRefusing, 3, forRefusing), miners);

            assertThat(accepted).containsExactly(0);
            // the agent's own thread takes it after the axon answers: wait for it
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (good.assignments.isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(good.assignments).containsExactly(forGood);
            assertThat(refusing.assignments).isEmpty();
        }
    }
}
