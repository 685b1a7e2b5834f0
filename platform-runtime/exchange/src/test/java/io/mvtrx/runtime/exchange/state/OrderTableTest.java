package io.mvtrx.runtime.exchange.state;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link OrderTable#slotsOf}: the same slots whether it scans or reads its index, and never stale. */
class OrderTableTest {

    private static int order(OrderTable table, long id, int agent) {
        int slot = table.add(id);
        table.describe(slot, agent, 0, 0, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0);
        return slot;
    }

    @Test
    void findsAnAgentsSlotsByScanThenByIndexAlike() {
        OrderTable table = new OrderTable(4);
        int a0 = order(table, 1, 7);
        order(table, 2, 8);
        int a2 = order(table, 3, 7);
        order(table, 4, -3);

        int[] scanned = table.slotsOf(7);
        int[] indexed = table.slotsOf(7);

        assertThat(scanned).containsExactly(a0, a2);
        assertThat(indexed).containsExactly(a0, a2);
        assertThat(table.slotsOf(-3)).hasSize(1);
        assertThat(table.slotsOf(99)).isEmpty();
    }

    @Test
    void anAddARemoveOrAReuseOfASlotIsSeenByTheNextRead() {
        OrderTable table = new OrderTable(4);
        int first = order(table, 1, 7);
        int second = order(table, 2, 8);
        table.slotsOf(7);
        assertThat(table.slotsOf(8)).containsExactly(second);

        table.remove(second);
        assertThat(table.slotsOf(8)).isEmpty();
        assertThat(table.slotsOf(8)).isEmpty();

        int reused = order(table, 3, 7);
        assertThat(reused).isEqualTo(second);
        assertThat(table.slotsOf(7)).containsExactly(first, reused);
        assertThat(table.slotsOf(7)).containsExactly(first, reused);
        assertThat(table.slotsOf(8)).isEmpty();

        int third = order(table, 4, 8);
        assertThat(table.slotsOf(8)).containsExactly(third);
    }

    @Test
    void theIndexGivesEveryAgentItsSlotsInOrderOverRandomAddsAndRemoves() {
        // agent ids spanning far more than the orders: the index sorts (agent, slot) pairs
        randomAddsAndRemoves(new int[] {Integer.MIN_VALUE, -1_000_000, -2, -1, 0, 1, 7, 300, Integer.MAX_VALUE},
                false);
    }

    @Test
    void anIndexOfCloseAgentIdsCountsThemAndManyReadsIndexAtOnce() {
        // ids within a few of the orders' count, negative ones too: counted and placed without a sort
        randomAddsAndRemoves(new int[] {-3, -1, 0, 1, 2, 5, 6, 7, 40, 257}, false);
        randomAddsAndRemoves(new int[] {-3, -1, 0, 1, 2, 5, 6, 7, 40, 257}, true);
        randomAddsAndRemoves(new int[] {Integer.MIN_VALUE, -2, 0, 9, Integer.MAX_VALUE}, true);
    }

    @Test
    void slotsOfManyIndexesOnTheFirstReadAndIsNeverStale() {
        OrderTable table = new OrderTable(4);
        int a = order(table, 1, 7);
        int b = order(table, 2, 8);
        assertThat(table.slotsOfMany(8)).containsExactly(b);
        assertThat(table.slotsOf(7)).containsExactly(a);
        table.remove(a);
        assertThat(table.slotsOfMany(7)).isEmpty();
        int c = order(table, 3, 7);
        assertThat(table.slotsOfMany(7)).containsExactly(c);
    }

    /** Random adds and removes of the given agents' orders; after each round every agent's slots, read twice. */
    private static void randomAddsAndRemoves(int[] agents, boolean many) {
        java.util.Random random = new java.util.Random(42);
        OrderTable table = new OrderTable(8);
        java.util.Map<Integer, Integer> agentOfSlot = new java.util.HashMap<>();
        long id = 0;
        for (int round = 0; round < 300; round++) {
            for (int change = random.nextInt(20); change > 0; change--) {
                if (agentOfSlot.isEmpty() || random.nextInt(3) > 0) {
                    int agent = agents[random.nextInt(agents.length)];
                    agentOfSlot.put(order(table, ++id, agent), agent);
                } else {
                    Integer slot = agentOfSlot.keySet().stream().skip(random.nextInt(agentOfSlot.size()))
                            .findFirst().orElseThrow();
                    table.remove(slot);
                    agentOfSlot.remove(slot);
                }
            }
            for (int read = 0; read < 2; read++) { // the first read scans, the second builds and reads the index
                for (int agent : agents) {
                    int[] expected = agentOfSlot.entrySet().stream().filter(e -> e.getValue() == agent)
                            .mapToInt(java.util.Map.Entry::getKey).sorted().toArray();
                    int[] slots = many ? table.slotsOfMany(agent) : table.slotsOf(agent);
                    assertThat(slots).as("round %d, agent %d", round, agent).containsExactly(expected);
                }
            }
        }
    }

    @Test
    void revisionsChangeWithEveryChangeAndStayUniqueAcrossTablesAndPastTheEndOfARange() {
        OrderTable table = new OrderTable(4);
        int slot = order(table, 1, 7);
        long placed = table.revision(slot);
        table.reservedBase(slot, 5); // not part of a published order: no new revision
        assertThat(table.revision(slot)).isEqualTo(placed);
        table.quantity(slot, 3);
        long filled = table.revision(slot);
        assertThat(filled).isGreaterThan(placed);
        OrderTable another = new OrderTable(4);
        int other = order(another, 1, 7); // another table's order of the same id
        assertThat(another.revision(other)).isNotIn(0L, placed, filled);

        // at the end of a range the table draws a new one instead of running into the next table's
        long end = 1L << 40;
        OrderTable last = new OrderTable(4, end - 2);
        int a = order(last, 1, 7); // add and describe each take one: end - 1, then a new range
        long first = last.revision(a);
        last.quantity(a, 2);
        long second = last.revision(a);
        assertThat(first).isNotIn(0L, end - 1, end).isNotEqualTo(second).isPositive();
        assertThat(first % end).isNotZero();
        assertThat(second).isEqualTo(first + 1);
    }
}
