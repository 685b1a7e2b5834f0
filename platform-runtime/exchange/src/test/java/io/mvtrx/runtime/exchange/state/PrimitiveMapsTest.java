package io.mvtrx.runtime.exchange.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

class PrimitiveMapsTest {

    @Property(tries = 300)
    void intIndexHandsOutDenseIndicesInOrderOfFirstSight(@ForAll @Size(max = 300) List<Integer> keys) {
        IntIndex index = new IntIndex(4);
        Map<Integer, Integer> expected = new HashMap<>();
        for (int key : keys) {
            if (key == Integer.MIN_VALUE) {
                continue;
            }
            assertThat(index.get(key)).isEqualTo(expected.getOrDefault(key, IntIndex.MISSING));
            int got = index.getOrAdd(key);
            expected.putIfAbsent(key, expected.size());
            assertThat(got).isEqualTo(expected.get(key));
            assertThat(index.keyAt(got)).isEqualTo(key);
        }
        for (Map.Entry<Integer, Integer> entry : expected.entrySet()) {
            assertThat(index.get(entry.getKey())).isEqualTo(entry.getValue());
        }
        assertThat(index.size()).isEqualTo(expected.size());
    }

    @Property(tries = 300)
    void intIndexCoversSmallAgentIdsOnBothSidesOfZero(
            @ForAll @Size(max = 200) List<@IntRange(min = -70_000, max = 70_000) Integer> keys) {
        intIndexHandsOutDenseIndicesInOrderOfFirstSight(keys);
    }

    @Property(tries = 300)
    void longIntMapAgreesWithHashMapUnderPutsAndRemovals(
            @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 200) Integer> ops) {
        LongIntMap map = new LongIntMap(2);
        Map<Long, Integer> expected = new HashMap<>();
        int step = 0;
        for (int op : ops) {
            long key = op / 2 * 1_000_003L;
            if (op % 2 == 0) {
                map.put(key, step);
                expected.put(key, step);
            } else {
                assertThat(map.remove(key)).isEqualTo(expected.containsKey(key) ? expected.remove(key)
                        : LongIntMap.MISSING);
            }
            step++;
            assertThat(map.size()).isEqualTo(expected.size());
        }
        for (long key = 0; key <= 100 * 1_000_003L; key += 1_000_003L) {
            assertThat(map.get(key)).isEqualTo(expected.getOrDefault(key, LongIntMap.MISSING));
        }
    }
}
