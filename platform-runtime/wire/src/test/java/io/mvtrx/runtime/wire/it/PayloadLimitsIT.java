package io.mvtrx.runtime.wire.it;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.runtime.wire.Check;
import io.mvtrx.runtime.wire.miner.MinerServer;
import io.mvtrx.runtime.wire.validator.Fanout;
import io.mvtrx.runtime.wire.validator.FanoutConfig;
import io.mvtrx.runtime.wire.validator.MinerResult;
import io.mvtrx.runtime.wire.validator.MinerTarget;
import io.mvtrx.runtime.wire.validator.PreparedStep;
import io.mvtrx.runtime.wire.validator.ResultKind;

import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Size limits on both sides: requests and replies over a limit are refused, and the agent is spared. */
class PayloadLimitsIT {

    private static final int MINER_INBOUND = 64 << 10;

    @TempDir
    Path dir;

    private TestNetwork net;
    private Fanout fanout;

    @BeforeEach
    void start() throws Exception {
        net = new TestNetwork(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (fanout != null) {
            fanout.close();
        }
        net.close();
    }

    private Fanout fanout(int maxOutbound, int maxInbound) {
        // books sent as they are, so a request's size follows the padding exactly (MinerChecksIT covers the limit on
        // what a compressed frame may decompress to)
        fanout = new Fanout(net.validator, FanoutConfig.DEFAULTS.withLimits(maxOutbound, maxInbound)
                .withBooksCompression(false), TestNetwork.CLOCK);
        return fanout;
    }

    /** The smallest book padding whose request to {@code miner} is larger than {@code bytes}. */
    private PreparedStep stepLargerThan(Fanout f, MinerTarget miner, int bytes) {
        int base = size(f, miner, 0);
        int perLevel = (size(f, miner, 256) - base) / 256;
        for (int padding = Math.max(0, (bytes - base) / perLevel - 16); ; padding++) {
            PreparedStep step = f.prepare(TestNetwork.step(List.of(miner), padding), List.of(miner));
            if (step.requests().getFirst().request().getSerializedSize() > bytes) {
                return step;
            }
        }
    }

    private static int size(Fanout f, MinerTarget miner, int padding) {
        return f.prepare(TestNetwork.step(List.of(miner), padding), List.of(miner)).requests().getFirst().request()
                .getSerializedSize();
    }

    @Test
    void theMinerRefusesARequestOverItsInboundLimitBeforeTheAgentSeesIt() throws Exception {
        TestAgents.Echo agent = new TestAgents.Echo();
        var miner = net.miner("miner", agent, c -> c.withLimits(MINER_INBOUND, 1 << 20));
        Fanout f = fanout(1 << 20, 1 << 20);
        PreparedStep step = stepLargerThan(f, miner.target(), MINER_INBOUND);
        int size = step.requests().getFirst().request().getSerializedSize();

        List<MinerResult> results = f.send(step);

        assertThat(size).isLessThanOrEqualTo(MINER_INBOUND + MinerServer.ENVELOPE_ALLOWANCE);
        assertThat(results.getFirst()).extracting(MinerResult::kind, MinerResult::code, MinerResult::description,
                        MinerResult::check)
                .containsExactly(ResultKind.REJECTED, Status.Code.RESOURCE_EXHAUSTED, String.format(
                        "request of %d bytes exceeds the miner's inbound limit of %d bytes", size, MINER_INBOUND),
                        Optional.of(Check.SIZE));
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void theMinerRefusesARequestBeyondItsReadBufferWithoutBufferingIt() throws Exception {
        TestAgents.Echo agent = new TestAgents.Echo();
        var miner = net.miner("miner", agent, c -> c.withLimits(MINER_INBOUND, 1 << 20));
        Fanout f = fanout(1 << 20, 1 << 20);
        PreparedStep step = stepLargerThan(f, miner.target(), 2 * MINER_INBOUND);

        List<MinerResult> results = f.send(step);

        assertThat(results.getFirst()).extracting(MinerResult::kind, MinerResult::code, MinerResult::description,
                        MinerResult::check)
                .containsExactly(ResultKind.REJECTED, Status.Code.RESOURCE_EXHAUSTED, String.format(
                        "request could not be read: larger than the miner's inbound limit of %d bytes, or malformed",
                        MINER_INBOUND),
                        Optional.of(Check.SIZE));
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void theValidatorDoesNotSendARequestOverItsOutboundLimit() throws Exception {
        TestAgents.Echo agent = new TestAgents.Echo();
        var miner = net.miner("miner", agent, c -> c);
        Fanout f = fanout(32 << 10, 1 << 20);
        PreparedStep step = stepLargerThan(f, miner.target(), 32 << 10);
        int size = step.requests().getFirst().request().getSerializedSize();

        List<MinerResult> results = f.send(step);

        assertThat(results.getFirst()).isEqualTo(new MinerResult(miner.target().uid(), ResultKind.FAILED,
                Status.Code.RESOURCE_EXHAUSTED, String.format(
                        "request of %d bytes exceeds the validator's outbound limit of %d bytes", size, 32 << 10),
                Optional.empty(), AgentResponse.empty(miner.target().uid()), 0));
        assertThat(miner.server().authenticator().accepted()).isZero();
        assertThat(agent.invocations()).isZero();
    }

    @Test
    void theValidatorRefusesAReplyOverItsInboundLimit() throws Exception {
        TestAgents.Flood agent = new TestAgents.Flood(2_000);
        var miner = net.miner("miner", agent, c -> c);
        Fanout f = fanout(1 << 20, 16 << 10);

        List<MinerResult> results = f.query(TestNetwork.step(List.of(miner.target()), 0), List.of(miner.target()));

        assertThat(results.getFirst().kind()).isEqualTo(ResultKind.FAILED);
        assertThat(results.getFirst().code()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(results.getFirst().description()).isEqualTo("Decompressed gRPC message exceeds maximum size 16384");
        assertThat(results.getFirst().response()).isEqualTo(AgentResponse.empty(miner.target().uid()));
        assertThat(agent.responds).hasValue(1);
    }

    @Test
    void theMinerAnswersEmptyWhenItsAgentsReplyIsOverItsOutboundLimit() throws Exception {
        TestAgents.Flood agent = new TestAgents.Flood(100);
        var miner = net.miner("miner", agent, c -> c.withLimits(MINER_INBOUND, 1 << 10));
        Fanout f = fanout(1 << 20, 1 << 20);

        List<MinerResult> results = f.query(TestNetwork.step(List.of(miner.target()), 0), List.of(miner.target()));

        assertThat(results.getFirst().kind()).isEqualTo(ResultKind.OK);
        assertThat(results.getFirst().response()).isEqualTo(AgentResponse.empty(miner.target().uid()));
        assertThat(agent.responds).hasValue(1);
    }
}
