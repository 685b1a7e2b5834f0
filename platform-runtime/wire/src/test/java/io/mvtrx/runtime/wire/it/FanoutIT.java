package io.mvtrx.runtime.wire.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.notice.SimulationEnded;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.wire.Check;
import io.mvtrx.runtime.wire.codec.BookCodec;
import io.mvtrx.runtime.wire.codec.BooksCompression;
import io.mvtrx.runtime.wire.validator.Fanout;
import io.mvtrx.runtime.wire.validator.FanoutConfig;
import io.mvtrx.runtime.wire.validator.MinerResult;
import io.mvtrx.runtime.wire.validator.MinerTarget;
import io.mvtrx.runtime.wire.validator.PreparedStep;
import io.mvtrx.runtime.wire.validator.ResultKind;
import io.mvtrx.runtime.wire.validator.Step;

import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A validator fans one step out to three real miners: one that answers, one too slow, one whose agent throws. */
class FanoutIT {

    @TempDir
    Path dir;

    private TestNetwork net;
    private TestAgents.Slow slowAgent;
    private Fanout fanout;

    @BeforeEach
    void start() throws Exception {
        net = new TestNetwork(dir);
        slowAgent = new TestAgents.Slow();
        fanout = new Fanout(net.validator,
                FanoutConfig.DEFAULTS.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)), TestNetwork.CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        slowAgent.release.countDown();
        fanout.close();
        net.close();
    }

    @Test
    void stepsOfTheSameSizeReuseTheirRequestBuffers() throws Exception {
        var a = net.miner("a", new TestAgents.Echo(), c -> c);
        var b = net.miner("b", new TestAgents.Echo(), c -> c);
        List<MinerTarget> miners = List.of(a.target(), b.target());
        Step step = TestNetwork.step(miners, 20_000); // about 0.5 MB of books per request, a 512 KiB block
        long before = Fanout.requestBufferBytesAllocated();

        // the books as they are: the padding would compress to almost nothing
        try (Fanout plain = new Fanout(net.validator, FanoutConfig.DEFAULTS.withBooksCompression(false),
                TestNetwork.CLOCK)) {
            for (int i = 0; i < 6; i++) {
                assertThat(plain.query(step, miners)).extracting(MinerResult::kind).containsOnly(ResultKind.OK);
            }
        }

        // the channels take their buffers from the shared allocator (this process has allocated a request's worth)
        assertThat(Fanout.requestBufferBytesAllocated()).isGreaterThanOrEqualTo(400_000);
        // 12 requests without reuse would need 6 MiB; at most the two in flight at once are new, plus frame buffers
        assertThat(Fanout.requestBufferBytesAllocated() - before).isLessThan(5L << 19);
    }

    @Test
    void aMinerWhoseAnswerCameAfterItsDeadlineAnswersTheNextStepOnTheSameConnection() throws Exception {
        // the first call is held past its deadline, then answered late on its stream; the next step goes through
        var miner = net.miner("late", slowAgent, c -> c.withAgentTimeout(Duration.ofMinutes(5)));
        List<MinerTarget> miners = List.of(miner.target());
        Step step = TestNetwork.step(miners, 0);

        List<MinerResult> timedOut = fanout.query(step, miners);
        slowAgent.release.countDown(); // its answer now travels on the call the fan-out did not cancel
        List<MinerResult> next = fanout.query(step, miners);

        assertThat(timedOut).extracting(MinerResult::kind, MinerResult::code, MinerResult::description)
                .containsExactly(tuple(ResultKind.TIMEOUT, Status.Code.DEADLINE_EXCEEDED, "no answer within 2000 ms"));
        assertThat(next).extracting(MinerResult::kind, MinerResult::code)
                .containsExactly(tuple(ResultKind.OK, Status.Code.OK));
        assertThat(slowAgent.responds).hasValue(2);
    }

    @Test
    void workGivenToRunWhileWaitingRunsOnceTheRequestIsOutAndBeforeTheAnswersAreCollected() throws Exception {
        java.util.concurrent.CountDownLatch called = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        TestAgents.Counting waiting = new TestAgents.Counting() {
            @Override
            AgentResponse answer(StateUpdate state) {
                called.countDown();
                try {
                    release.await(); // answers only once the caller's work has seen it called
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return AgentResponse.empty(agentId);
            }
        };
        var miner = net.miner("waiting", waiting, c -> c.withAgentTimeout(Duration.ofSeconds(5)));
        java.util.concurrent.atomic.AtomicBoolean sawTheCall = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();

        List<MinerResult> results = fanout.query(TestNetwork.step(List.of(miner.target()), 0),
                List.of(miner.target()), () -> {
                    runs.incrementAndGet();
                    try {
                        sawTheCall.set(called.await(5, java.util.concurrent.TimeUnit.SECONDS));
                        Thread.sleep(100); // the caller's work, while the miner waits
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    release.countDown();
                });

        assertThat(runs).hasValue(1);
        assertThat(sawTheCall).isTrue();
        assertThat(results).extracting(MinerResult::kind).containsExactly(ResultKind.OK);
        // the answer waited for the caller's work: its response time covers it
        assertThat(results.getFirst().responseNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
    }

    @Test
    void aNoticeNotAcknowledgedInTimeIsATimeoutAndTheNextOneIsDelivered() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        TestAgents.Counting slowToNotice = new TestAgents.Counting() {
            @Override
            AgentResponse answer(StateUpdate state) {
                return AgentResponse.empty(agentId);
            }

            @Override
            public void onNotice(io.mvtrx.api.notice.Notice notice) {
                super.onNotice(notice);
                if (seen.incrementAndGet() == 1) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        var miner = net.miner("notices", slowToNotice, c -> c.withAgentTimeout(Duration.ofMinutes(5)));
        FanoutConfig config = new FanoutConfig(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(1),
                64 << 20, 16 << 20, 1, true, true, true, true);

        try (Fanout notifier = new Fanout(net.validator, config, TestNetwork.CLOCK)) {
            Fanout.NoticeDelivery late = notifier.notify(miner.target(), List.of(new SimulationEnded(1, "a")));
            release.countDown();
            Fanout.NoticeDelivery next = notifier.notify(miner.target(), List.of(new SimulationEnded(2, "b")));

            assertThat(late.kind()).isEqualTo(ResultKind.TIMEOUT);
            assertThat(late.description()).isEqualTo("no answer within 1000 ms");
            assertThat(next.kind()).isEqualTo(ResultKind.OK);
            assertThat(next.delivered()).isEqualTo(1);
            assertThat(slowToNotice.notices).hasSize(2);
        }
    }

    @Test
    void collectsAReplyATimeoutAndAnEmptyAnswerForAThrowingAgent() throws Exception {
        TestAgents.Echo echo = new TestAgents.Echo();
        TestAgents.Throwing throwing = new TestAgents.Throwing();
        var a = net.miner("echo", echo, c -> c);
        var b = net.miner("slow", slowAgent, c -> c.withAgentTimeout(Duration.ofMinutes(5)));
        var c = net.miner("throwing", throwing, x -> x);
        List<MinerTarget> miners = List.of(a.target(), b.target(), c.target());
        Step step = TestNetwork.step(miners, 0);

        List<MinerResult> results = fanout.query(step, miners);

        assertThat(results).extracting(MinerResult::uid, MinerResult::kind, MinerResult::code)
                .containsExactly(
                        tuple(a.target().uid(), ResultKind.OK, Status.Code.OK),
                        tuple(b.target().uid(), ResultKind.TIMEOUT,
                                Status.Code.DEADLINE_EXCEEDED),
                        tuple(c.target().uid(), ResultKind.OK, Status.Code.OK));
        int uidA = a.target().uid();
        StateUpdate expectedA = new StateUpdate(step.timestamp(), step.simulation(), step.books(),
                step.accounts().get(uidA), step.notices().get(uidA));
        assertThat(echo.states).containsExactly(expectedA);
        assertThat(echo.agentId).isEqualTo(uidA);
        assertThat(results.get(0).response())
                .isEqualTo(new AgentResponse(uidA, List.of(TestAgents.Echo.limitAt(expectedA))));
        assertThat(results.get(0).responseNanos()).isPositive();
        assertThat(results.get(1).response()).isEqualTo(AgentResponse.empty(b.target().uid()));
        assertThat(results.get(1).responseNanos()).isGreaterThanOrEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(results.get(2).response()).isEqualTo(AgentResponse.empty(c.target().uid()));
        assertThat(throwing.responds).hasValue(1);
        assertThat(c.server().agent().failures()).isEqualTo(1);
        assertThat(a.server().agent().failures()).isZero();
    }

    @Test
    void sendsTheBooksUncompressedWhenToldAndMinersReadThemTheSame() throws Exception {
        TestAgents.Echo plain = new TestAgents.Echo();
        List<MinerTarget> miners = List.of(net.miner("plain", plain, c -> c).target());
        Step step = TestNetwork.step(miners, 0);

        try (Fanout uncompressed = new Fanout(net.validator, FanoutConfig.DEFAULTS.withBooksCompression(false),
                TestNetwork.CLOCK)) {
            PreparedStep prepared = uncompressed.prepare(step, miners);
            List<MinerResult> results = uncompressed.send(prepared);

            assertThat(prepared.booksSent()).isSameAs(prepared.books());
            assertThat(prepared.requests().getFirst().request().getBooks()).isSameAs(prepared.books());
            assertThat(prepared.requests().getFirst().request().getBooksZstd()).isEmpty();
            assertThat(results).extracting(MinerResult::kind).containsExactly(ResultKind.OK);
            assertThat(plain.states.getFirst().books()).isEqualTo(step.books());
        }
    }

    @Test
    void encodesTheBooksOncePerStepAndSharesTheSameBytesWithEveryMiner() throws Exception {
        TestAgents.Echo one = new TestAgents.Echo();
        TestAgents.Echo two = new TestAgents.Echo();
        TestAgents.Echo three = new TestAgents.Echo();
        List<MinerTarget> miners = List.of(net.miner("m1", one, c -> c).target(),
                net.miner("m2", two, c -> c).target(), net.miner("m3", three, c -> c).target());

        PreparedStep prepared = fanout.prepare(TestNetwork.step(miners, 0), miners);
        List<MinerResult> results = fanout.send(prepared);

        assertThat(fanout.booksEncoded()).isEqualTo(1);
        // sent compressed by default: every request carries the one zstd frame of the one encoding
        assertThat(prepared.requests()).hasSize(3).allSatisfy(r -> {
            assertThat(r.request().getBooksZstd()).isSameAs(prepared.booksSent());
            assertThat(r.request().getBooks()).isEmpty();
        });
        assertThat(BooksCompression.decompress(prepared.booksSent(), Integer.MAX_VALUE)).isEqualTo(prepared.books());
        assertThat(prepared.booksSent().size()).isLessThan(prepared.books().size());
        assertThat(prepared.requests()).extracting(r -> r.request().getMinerPayload())
                .doesNotHaveDuplicates();
        assertThat(results).extracting(MinerResult::kind).containsOnly(ResultKind.OK);
        assertThat(one.states.getFirst().books()).isEqualTo(two.states.getFirst().books())
                .isEqualTo(three.states.getFirst().books()).isEqualTo(BookCodec.decodeBooks(prepared.books()));
        assertThat(one.states.getFirst().accounts().get(0).agentId()).isEqualTo(miners.get(0).uid());
        assertThat(two.states.getFirst().accounts().get(0).agentId()).isEqualTo(miners.get(1).uid());

        fanout.query(TestNetwork.step(miners, 0), miners);

        assertThat(fanout.booksEncoded()).isEqualTo(2);
    }

    @Test
    void deliversNoticesBetweenStepsAndEndsTheSimulation() throws Exception {
        TestAgents.Echo echo = new TestAgents.Echo();
        var miner = net.miner("echo", echo, c -> c);
        fanout.query(TestNetwork.step(List.of(miner.target()), 0), List.of(miner.target()));
        SimulationEnded ended = new SimulationEnded(9_000_000_000L, "20260523_1644");

        Fanout.NoticeDelivery delivery = fanout.notify(miner.target(), List.of(ended));

        assertThat(delivery).isEqualTo(new Fanout.NoticeDelivery(miner.target().uid(), ResultKind.OK,
                Status.Code.OK, "", Optional.empty(), 1));
        assertThat(echo.notices).containsExactly(ended);
        assertThat(echo.starts).hasValue(1);
    }

    @Test
    void deliversEachMinerItsOwnSignedAssignmentAndARequestFromAStrangerNeverReachesTheAgent() throws Exception {
        TestAgents.Echo one = new TestAgents.Echo();
        TestAgents.Echo two = new TestAgents.Echo();
        var first = net.miner("one", one, c -> c);
        var second = net.miner("two", two, c -> c);
        BucketAccess bucket = new BucketAccess("s3", "http://127.0.0.1:9000", "vb", "AK", "SK");
        TrainingAssignment forFirst = new TrainingAssignment(12, 3, List.of("0", "4"), 1_000, 2_000,
                List.of("data/0/0/intervals/a.parquet", "data/0/4/intervals/b.parquet"), bucket, 0,
                "gentrx/localnet/simulation/", Map.of("top_k_frac", "0.1"));
        TrainingAssignment forSecond = new TrainingAssignment(12, 3, List.of("7"), 1_000, 2_000,
                List.of("data/0/7/intervals/c.parquet"), bucket, 0, "gentrx/localnet/simulation/", Map.of());

        Fanout.AssignmentDelivery toFirst = fanout.assign(first.target(), forFirst);
        Fanout.AssignmentDelivery toSecond = fanout.assign(second.target(), forSecond);

        assertThat(toFirst).isEqualTo(new Fanout.AssignmentDelivery(first.target().uid(), ResultKind.OK,
                Status.Code.OK, "", Optional.empty(), true));
        assertThat(toSecond.accepted()).isTrue();
        assertThat(one.assignments).containsExactly(forFirst);
        assertThat(two.assignments).containsExactly(forSecond);

        try (Fanout stranger = new Fanout(net.stranger, FanoutConfig.DEFAULTS, TestNetwork.CLOCK)) {
            Fanout.AssignmentDelivery refused = stranger.assign(first.target(), forSecond);
            assertThat(refused.kind()).isEqualTo(ResultKind.REJECTED);
            assertThat(refused.check()).contains(Check.REGISTRATION);
            assertThat(refused.accepted()).isFalse();
        }
        assertThat(one.assignments).containsExactly(forFirst);
    }
}
