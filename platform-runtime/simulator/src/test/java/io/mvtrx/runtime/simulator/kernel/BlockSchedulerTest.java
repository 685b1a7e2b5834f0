package io.mvtrx.runtime.simulator.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BlockSchedulerTest {

    /**
     * A toy block: agents wake at random times, each wake logs an event and schedules the next wake with a random
     * latency; all randomness comes from per-agent streams derived from the root seed.
     */
    static final class ToyBlock implements Steppable {
        private final int index;
        private final EventQueue<Integer> queue = new EventQueue<>(64);
        private final SplittableRandom[] agents;
        final List<String> log = new ArrayList<>();

        ToyBlock(long seed, int index, int agentCount) {
            this.index = index;
            this.agents = new SplittableRandom[agentCount];
            for (int a = 0; a < agentCount; a++) {
                agents[a] = new SplittableRandom(SeedTree.derive(seed, index, a));
                queue.schedule(0, agents[a].nextLong(1_000), a);
            }
        }

        @Override
        public void step(long cutoff) {
            while (queue.hasArrivalBefore(cutoff)) {
                int agent = queue.poll();
                long now = queue.lastArrival();
                log.add(now + ":" + agent);
                queue.schedule(now, 1 + agents[agent].nextLong(2_000), agent);
            }
        }

        @Override
        public String name() {
            return "block " + index;
        }
    }

    private static List<List<String>> run(int threads, int blocks) {
        List<ToyBlock> toy = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            toy.add(new ToyBlock(1337, b, 50));
        }
        StepClock clock = new StepClock(0, 1_000, 20_000, 0);
        try (BlockScheduler scheduler = new BlockScheduler(threads)) {
            for (long s = 0; s < clock.stepCount(); s++) {
                scheduler.step(toy, clock.cutoff(s));
            }
        }
        return toy.stream().map(b -> b.log).toList();
    }

    @Test
    void sameSeedGivesTheSameLogsOnOneAndTwoThreads() {
        List<List<String>> single = run(1, 4);
        List<List<String>> parallel = run(2, 4);
        assertThat(single.getFirst()).hasSizeGreaterThan(400);
        assertThat(parallel).isEqualTo(single);
    }

    @Test
    void addingABlockDoesNotChangeTheOthers() {
        List<List<String>> four = run(2, 4);
        List<List<String>> five = run(2, 5);
        assertThat(five.subList(0, 4)).isEqualTo(four);
    }

    @Test
    void aFailingBlockIsNamedWithTheCutoff() {
        Steppable broken = new Steppable() {
            @Override
            public void step(long cutoff) {
                throw new IllegalStateException("reserved quote went negative");
            }

            @Override
            public String name() {
                return "block 7";
            }
        };
        try (BlockScheduler scheduler = new BlockScheduler(2)) {
            assertThatThrownBy(() -> scheduler.step(List.of(new ToyBlock(1, 0, 3), broken), 1_000))
                    .isInstanceOf(BlockScheduler.BlockFailedException.class)
                    .hasMessageStartingWith("block 7 failed in the step ending at 1000 ns: "
                            + "java.lang.IllegalStateException: reserved quote went negative");
        }
    }
}
