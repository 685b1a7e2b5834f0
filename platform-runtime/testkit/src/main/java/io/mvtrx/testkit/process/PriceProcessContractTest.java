package io.mvtrx.testkit.process;

import java.util.Arrays;

import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.api.spi.process.ProcessContext;
import io.mvtrx.testkit.Snapshots;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every {@link PriceProcess} must do, whatever its model: the same seed gives the same path (bit for bit,
 * every component), advancing in one call or in many gives the same state, values change only at update times
 * (the multiples of {@link PriceProcess#updatePeriod()}), time never goes back, component 0 is the value.
 * A process test extends this class and implements {@link #create}.
 *
 * {@snippet :
 * class GbmTest extends PriceProcessContractTest {
 *     @Override
 *     protected PriceProcess create(ProcessContext context) {
 *         return new GbmProvider().create(GBM_SETTINGS, context);
 *     }
 * }
 * }
 */
public abstract class PriceProcessContractTest {

    /** A fresh process of the implementation under test. */
    protected abstract PriceProcess create(ProcessContext context);

    /** Whether different seeds give different paths; false for deterministic feeds. */
    protected boolean stochastic() {
        return true;
    }

    /** Number of update periods the tests walk through. */
    protected int updates() {
        return 200;
    }

    /** The context of the tests: book 3, initial value 300, start 0, one-day run. */
    protected ProcessContext context(long seed) {
        return new ProcessContext(3, seed, 300.0, 0L);
    }

    @Test
    public void sameSeedGivesTheSamePath() {
        PriceProcess first = create(context(42));
        PriceProcess second = create(context(42));
        long[] times = grid(first.updatePeriod());

        assertThat(path(second, times)).isDeepEqualTo(path(first, times));
    }

    @Test
    public void differentSeedsGiveDifferentPaths() {
        assumeTrue(stochastic(), "deterministic process");
        PriceProcess first = create(context(42));
        PriceProcess second = create(context(43));
        long[] times = grid(first.updatePeriod());

        assertThat(Arrays.deepEquals(path(first, times), path(second, times))).isFalse();
    }

    @Test
    public void advancingInOneCallEqualsAdvancingStepByStep() {
        PriceProcess jumping = create(context(7));
        PriceProcess stepping = create(context(7));
        long period = jumping.updatePeriod();
        long end = updates() * period + period / 2;
        for (long t = 0; t < end; t += Math.max(1, period / 3)) {
            stepping.advanceTo(t);
        }

        assertThat(jumping.advanceTo(end)).isEqualTo(stepping.advanceTo(end));
        assertThat(components(jumping)).isEqualTo(components(stepping));
    }

    @Test
    public void valueIsConstantBetweenUpdates() {
        PriceProcess process = create(context(11));
        long period = process.updatePeriod();
        for (int k = 0; k < updates(); k++) {
            long update = k * period;
            double value = process.advanceTo(update);
            double[] components = components(process);

            assertThat(process.advanceTo(update + period / 2)).as("value half a period after update %d", k)
                    .isEqualTo(value);
            assertThat(process.advanceTo(update + period - 1)).as("value just before update %d", k + 1)
                    .isEqualTo(value);
            assertThat(components(process)).as("components just before update %d", k + 1).isEqualTo(components);
        }
    }

    @Test
    public void advanceToReturnsTheValueAndValuesAreFinite() {
        PriceProcess process = create(context(5));
        for (long t : grid(process.updatePeriod())) {
            double returned = process.advanceTo(t);

            assertThat(returned).isEqualTo(process.value());
            assertThat(Double.isFinite(returned)).as("value at %d ns is finite", t).isTrue();
        }
    }

    @Test
    public void advancingToTheSameTimeTwiceChangesNothing() {
        PriceProcess process = create(context(9));
        long t = 3 * process.updatePeriod();
        double value = process.advanceTo(t);
        double[] components = components(process);

        assertThat(process.advanceTo(t)).isEqualTo(value);
        assertThat(components(process)).isEqualTo(components);
    }

    @Test
    public void rejectsTimeGoingBack() {
        PriceProcess process = create(context(13));
        long t = 2 * process.updatePeriod() + 1;
        process.advanceTo(t);

        assertThatThrownBy(() -> process.advanceTo(t - 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(t - 1));
    }

    @Test
    public void componentZeroIsTheValueAndOthersAreBounded() {
        PriceProcess process = create(context(17));
        process.advanceTo(5 * process.updatePeriod());

        assertThat(process.components()).isGreaterThanOrEqualTo(1);
        assertThat(process.value(0)).isEqualTo(process.value());
        assertThatThrownBy(() -> process.value(process.components()))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> process.value(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /**
     * Whether the process saves its state for checkpoints ({@code io.mvtrx.api.snapshot.Snapshottable}); every
     * built-in process does.
     */
    protected boolean snapshots() {
        return true;
    }

    /**
     * Saved halfway and restored into a fresh process of another seed (so that only the restored state can make
     * it follow the saved path), the process continues the saved one's path bit for bit, every component.
     */
    @Test
    public void aRestoredProcessContinuesTheSavedPath() {
        assumeTrue(snapshots(), "the process does not save its state");
        PriceProcess saved = create(context(21));
        long[] times = grid(saved.updatePeriod());
        int half = times.length / 2;
        path(saved, Arrays.copyOf(times, half));
        PriceProcess restored = Snapshots.copy(saved, create(context(99)));
        long[] rest = Arrays.copyOfRange(times, half, times.length);

        assertThat(path(restored, rest)).isDeepEqualTo(path(saved, rest));
    }

    @Test
    public void updatePeriodIsPositive() {
        assertThat(create(context(1)).updatePeriod()).isPositive();
    }

    /** Times at, just before and between update instants over {@link #updates()} periods. */
    protected long[] grid(long period) {
        long[] times = new long[3 * updates()];
        for (int k = 1; k <= updates(); k++) {
            long update = k * period;
            times[3 * (k - 1)] = update - 1;
            times[3 * (k - 1) + 1] = update;
            times[3 * (k - 1) + 2] = update + period / 3;
        }
        return times;
    }

    /** Every component at every time. */
    protected static double[][] path(PriceProcess process, long[] times) {
        double[][] path = new double[times.length][];
        for (int i = 0; i < times.length; i++) {
            process.advanceTo(times[i]);
            path[i] = components(process);
        }
        return path;
    }

    /** Every component now. */
    protected static double[] components(PriceProcess process) {
        double[] values = new double[process.components()];
        for (int c = 0; c < values.length; c++) {
            values[c] = process.value(c);
        }
        return values;
    }
}
