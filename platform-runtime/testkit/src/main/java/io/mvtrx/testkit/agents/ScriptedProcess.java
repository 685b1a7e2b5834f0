package io.mvtrx.testkit.agents;

import java.util.function.LongToDoubleFunction;

import io.mvtrx.api.spi.process.PriceProcess;

/**
 * A process a test drives: a fixed value, or a path of time, plus optional components (e.g. the spins of a magnetic
 * field). Not thread-safe.
 */
public final class ScriptedProcess implements PriceProcess {

    private LongToDoubleFunction path;
    private double value;
    private double[] components;
    private long updatePeriod = 1;

    ScriptedProcess(double value) {
        this.value = value;
    }

    /** Sets a constant value (and drops any path). */
    public ScriptedProcess set(double newValue) {
        this.path = null;
        this.value = newValue;
        return this;
    }

    /** Makes the value a function of the time advanced to. */
    public ScriptedProcess path(LongToDoubleFunction valueAt) {
        this.path = valueAt;
        return this;
    }

    /** Sets the components {@link #value(int)} answers. */
    public ScriptedProcess components(double... values) {
        this.components = values.clone();
        return this;
    }

    /** Sets one component. */
    public ScriptedProcess component(int index, double componentValue) {
        components[index] = componentValue;
        return this;
    }

    /** Sets the update period reported. */
    public ScriptedProcess updatePeriod(long period) {
        this.updatePeriod = period;
        return this;
    }

    @Override
    public double advanceTo(long timestamp) {
        if (path != null) {
            value = path.applyAsDouble(timestamp);
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public double value(int component) {
        if (components == null) {
            return PriceProcess.super.value(component);
        }
        return components[component];
    }

    @Override
    public long updatePeriod() {
        return updatePeriod;
    }
}
