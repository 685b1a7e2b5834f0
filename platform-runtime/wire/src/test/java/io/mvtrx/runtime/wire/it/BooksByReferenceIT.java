package io.mvtrx.runtime.wire.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.mvtrx.runtime.wire.Check;
import io.mvtrx.runtime.wire.miner.SharedBooks;
import io.mvtrx.runtime.wire.validator.Fanout;
import io.mvtrx.runtime.wire.validator.FanoutConfig;
import io.mvtrx.runtime.wire.validator.MinerResult;
import io.mvtrx.runtime.wire.validator.MinerTarget;
import io.mvtrx.runtime.wire.validator.ResultKind;
import io.mvtrx.runtime.wire.validator.Step;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The books once per miner process: miners of this JVM share its books cache, a miner with a cache of its own plays
 * one in another process. Each step's books are padded differently, so no step finds them cached by another test.
 */
class BooksByReferenceIT {

    @TempDir
    Path dir;

    private TestNetwork net;
    private Fanout fanout;

    @BeforeEach
    void start() throws Exception {
        net = new TestNetwork(dir);
        fanout = new Fanout(net.validator,
                FanoutConfig.DEFAULTS.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)), TestNetwork.CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        fanout.close();
        net.close();
    }

    /** With each call started as soon as its request is signed (the default) and with every request signed first. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void afterTheFirstAnswersEachProcessGetsTheBooksOnceAndEveryAgentReadsThem(boolean sendWhenSigned)
            throws Exception {
        fanout.close();
        fanout = new Fanout(net.validator, FanoutConfig.DEFAULTS.withTimeouts(Duration.ofSeconds(2),
                Duration.ofSeconds(3)).withSendWhenSigned(sendWhenSigned), TestNetwork.CLOCK);
        var a = new TestAgents.Echo();
        var b = new TestAgents.Echo();
        var c = new TestAgents.Echo();
        var elsewhere = new TestAgents.Echo();
        List<MinerTarget> miners = List.of(net.miner("a", a, x -> x).target(), net.miner("b", b, x -> x).target(),
                net.miner("c", c, x -> x).target(),
                net.miner("elsewhere", elsewhere, x -> x, SharedBooks.own()).target());
        Step first = TestNetwork.step(miners, 1_041);
        Step second = TestNetwork.step(miners, 1_042);

        List<MinerResult> one = fanout.query(first, miners);
        Fanout.StepTiming firstTiming = fanout.lastTiming();
        List<MinerResult> two = fanout.query(second, miners);
        Fanout.StepTiming secondTiming = fanout.lastTiming();

        assertThat(one).extracting(MinerResult::kind).containsOnly(ResultKind.OK);
        assertThat(two).extracting(MinerResult::kind).containsOnly(ResultKind.OK);
        // nothing known before the first answers: the books go to all four
        assertThat(firstTiming.booksInline()).isEqualTo(4);
        // then once to this process (to a, the first of its miners) and once to the miner with a cache of its own
        assertThat(secondTiming.booksInline()).isEqualTo(2);
        assertThat(secondTiming.booksResent()).isZero();
        assertThat(secondTiming.requestBytes()).isLessThan(firstTiming.requestBytes() - firstTiming.booksSentBytes());
        for (var agent : List.of(a, b, c, elsewhere)) {
            assertThat(agent.states).hasSize(2);
            assertThat(agent.states.get(1).books()).isEqualTo(second.books());
        }
        // decoded once in this process: b and c read the records a's request brought
        assertThat(b.states.get(1).books().getFirst()).isSameAs(a.states.get(1).books().getFirst())
                .isSameAs(c.states.get(1).books().getFirst())
                .isNotSameAs(elsewhere.states.get(1).books().getFirst());
    }

    @Test
    void aMinerWhoseProcessNeverGotTheBooksIsSentThemInlineAfterAll() throws Exception {
        var a = new TestAgents.Echo();
        var b = new TestAgents.Echo();
        var carrier = net.miner("carrier", a, x -> x);
        // b waits for the books as long as its agent may take: 300 ms
        var waiting = net.miner("waiting", b, x -> x.withAgentTimeout(Duration.ofMillis(300)));
        List<MinerTarget> miners = List.of(carrier.target(), waiting.target());
        assertThat(fanout.query(TestNetwork.step(miners, 1_043), miners)).extracting(MinerResult::kind)
                .containsOnly(ResultKind.OK);

        // the carrier's request is now addressed to another hotkey: refused before its books reach the cache
        MinerTarget misaddressed = new MinerTarget(carrier.target().uid(), waiting.target().hotkey(), "127.0.0.1",
                carrier.target().port());
        List<MinerTarget> second = List.of(misaddressed, waiting.target());
        Step step = TestNetwork.step(second, 1_044);
        List<MinerResult> results = fanout.query(step, second);
        Fanout.StepTiming timing = fanout.lastTiming();

        assertThat(results.get(0).kind()).isEqualTo(ResultKind.REJECTED);
        assertThat(results.get(0).check()).contains(Check.RECEIVER);
        assertThat(results.get(1).kind()).isEqualTo(ResultKind.OK);
        assertThat(timing.booksResent()).isEqualTo(1);
        assertThat(timing.booksInline()).isEqualTo(2); // the carrier's, and the waiting miner's second request
        assertThat(b.states).hasSize(2);
        assertThat(b.states.get(1).books()).isEqualTo(step.books());
        // its response time counts from the request that carried the books, not from the one it could not resolve
        assertThat(results.get(1).responseNanos()).isLessThan(Duration.ofMillis(300).toNanos());
    }
}
