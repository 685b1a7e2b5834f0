package io.mvtrx.runtime.simulator.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SeedTreeTest {

    @Test
    void sameRootAndPathGiveTheSameSeed() {
        assertThat(SeedTree.derive(42, 3, 7)).isEqualTo(SeedTree.derive(42, 3, 7));
        assertThat(SeedTree.derive(42, "StylizedTraderAgent", 3)).isEqualTo(SeedTree.derive(42, "StylizedTraderAgent", 3));
    }

    @Test
    void anAgentsSeedDependsOnlyOnItsOwnPath() {
        // Agent 5's seed is the same whether the population has 10 or 1000 members: nothing shifts.
        long before = SeedTree.derive(1337, "NoiseTraderAgent", 0, 5);
        long after = SeedTree.derive(1337, "NoiseTraderAgent", 0, 5);
        assertThat(after).isEqualTo(before);
        assertThat(SeedTree.derive(1337, "NoiseTraderAgent", 0, 6)).isNotEqualTo(before);
        assertThat(SeedTree.derive(1337, "StylizedTraderAgent", 0, 5)).isNotEqualTo(before);
        assertThat(SeedTree.derive(1338, "NoiseTraderAgent", 0, 5)).isNotEqualTo(before);
    }

    @Test
    void pathOrderMatters() {
        assertThat(SeedTree.derive(1, 2, 3)).isNotEqualTo(SeedTree.derive(1, 3, 2));
    }

    @Test
    void neighbouringPathsGiveDistinctSeeds() {
        Set<Long> seeds = new HashSet<>();
        for (int block = 0; block < 8; block++) {
            for (int agent = 0; agent < 2_000; agent++) {
                seeds.add(SeedTree.derive(1337, block, agent));
            }
        }
        assertThat(seeds).hasSize(16_000);
    }
}
