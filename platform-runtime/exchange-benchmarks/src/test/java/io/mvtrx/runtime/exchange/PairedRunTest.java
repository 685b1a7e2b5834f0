package io.mvtrx.runtime.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;

class PairedRunTest {

    @Test
    void quartilesInterpolateBetweenNeighbours() {
        assertThat(PairedRun.summary(new double[] {5, 1, 4, 2, 3})).isEqualTo("3.000 [2.000, 4.000]");
        assertThat(PairedRun.summary(new double[] {4, 1, 3, 2})).isEqualTo("2.500 [1.750, 3.250]");
        assertThat(PairedRun.quantile(new double[] {7}, 0.75)).isEqualTo(7);
    }

    @Test
    void everyBuildPlaysTheSameOperationsEveryRound() {
        long[] played = new long[2];
        LongUnaryOperator first = operations -> played[0] += operations;
        LongUnaryOperator second = operations -> played[1] += operations;

        double[][] nanos = PairedRun.measure(new LongUnaryOperator[] {first, second}, 5, 1_000);

        assertThat(played).containsExactly(11_000, 11_000);
        assertThat(nanos).hasDimensions(2, 5);
        for (double[] build : nanos) {
            for (double perOperation : build) {
                assertThat(perOperation).isNotNegative();
            }
        }
    }

    @Test
    void aDriverPlaysTheBenchmarkStreamOnTheExchange() {
        PairedRun.Driver driver = new PairedRun.Driver("tiered");
        PairedRun.Driver twin = new PairedRun.Driver("tiered");

        assertThat(driver.applyAsLong(10_000)).isEqualTo(twin.applyAsLong(10_000));
    }
}
