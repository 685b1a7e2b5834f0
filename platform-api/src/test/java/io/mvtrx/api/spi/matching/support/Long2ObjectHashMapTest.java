package io.mvtrx.api.spi.matching.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class Long2ObjectHashMapTest {

    @Test
    void shouldInitiallyBeEmpty() {
        Long2ObjectHashMap<String> map = new Long2ObjectHashMap<>(4);

        assertThat(map.size()).isZero();
        assertThat(map.get(0)).isNull();
        assertThat(map.remove(0)).isNull();
    }

    @Test
    void zeroAndNegativeKeysAreOrdinaryKeys() {
        Long2ObjectHashMap<String> map = new Long2ObjectHashMap<>(4);

        map.put(0, "zero");
        map.put(-1, "minus one");
        map.put(Long.MIN_VALUE, "min");

        assertThat(map.get(0)).isEqualTo("zero");
        assertThat(map.get(-1)).isEqualTo("minus one");
        assertThat(map.get(Long.MIN_VALUE)).isEqualTo("min");
        assertThat(map.size()).isEqualTo(3);
    }

    @Test
    void putReplacesAndReturnsThePreviousValue() {
        Long2ObjectHashMap<String> map = new Long2ObjectHashMap<>(4);

        assertThat(map.put(5, "a")).isNull();
        assertThat(map.put(5, "b")).isEqualTo("a");
        assertThat(map.get(5)).isEqualTo("b");
        assertThat(map.size()).isEqualTo(1);
    }

    @Test
    void growsPastItsSizingAndCountsIt() {
        Long2ObjectHashMap<Long> map = new Long2ObjectHashMap<>(8);
        for (long k = 0; k < 1_000; k++) {
            map.put(k * 7, k);
        }

        assertThat(map.size()).isEqualTo(1_000);
        assertThat(map.resizes()).isEqualTo(7);
        assertThat(map.get(700)).isEqualTo(100L);
    }

    @Test
    void removalKeepsCollidingChainsReachable() {
        Long2ObjectHashMap<Long> map = new Long2ObjectHashMap<>(8);
        for (long k = 0; k < 8; k++) {
            map.put(k << 40, k);
        }
        map.remove(3L << 40);
        map.remove(0);

        for (long k = 1; k < 8; k++) {
            assertThat(map.get(k << 40)).as("key %d", k).isEqualTo(k == 3 ? null : k);
        }
        assertThat(map.size()).isEqualTo(6);
    }

    @Property(tries = 200)
    void behavesLikeAHashMap(@ForAll @Size(max = 400) List<@LongRange(min = -40, max = 40) Long> ops) {
        Long2ObjectHashMap<Long> map = new Long2ObjectHashMap<>(2);
        Map<Long, Long> expected = new HashMap<>();
        long tick = 0;
        for (long op : ops) {
            tick++;
            if (op >= 0) {
                assertThat(map.put(op, tick)).isEqualTo(expected.put(op, tick));
            } else {
                assertThat(map.remove(-op)).isEqualTo(expected.remove(-op));
            }
            assertThat(map.size()).isEqualTo(expected.size());
        }
        for (long k = -1; k <= 41; k++) {
            assertThat(map.get(k)).as("key %d", k).isEqualTo(expected.get(k));
        }
    }
}
