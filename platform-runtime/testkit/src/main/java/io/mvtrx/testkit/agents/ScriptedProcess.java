package io.mvtrx.testkit.agents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongToDoubleFunction;

import io.mvtrx.api.spi.process.PriceProcess;

/**
 * A process a test drives: a fixed value or a path of time as component 0, optional further components (e.g. a
 * magnetic field's change of the mean and its spins, from component 1 on), and a record of the input agents send
 * with {@link #set}; an input to a scripted component simply becomes its value. Not thread-safe.
 */
public final class ScriptedProcess implements PriceProcess {

    /** One input an agent sent. */
    public record Input(int component, double value) {
    }

    private final List<Input> inputs = new ArrayList<>();
    private LongToDoubleFunction path;
    private double value;
    private double[] extra;
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

    /** Sets components 1, 2, … (component 0 is the value). */
    public ScriptedProcess components(double... fromOne) {
        this.extra = fromOne.clone();
        return this;
    }

    /** A copy of components 1, 2, … (null when there are none). */
    double[] extra() {
        return extra == null ? null : extra.clone();
    }

    void extra(double[] values) {
        extra = values == null ? null : values.clone();
    }

    /** Sets one component {@code >= 1}. */
    public ScriptedProcess component(int index, double componentValue) {
        extra[index - 1] = componentValue;
        return this;
    }

    /** Sets the update period reported. */
    public ScriptedProcess updatePeriod(long period) {
        this.updatePeriod = period;
        return this;
    }

    /** The inputs received, in order. */
    public List<Input> inputs() {
        return Collections.unmodifiableList(inputs);
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
    public int components() {
        return extra == null ? 1 : 1 + extra.length;
    }

    @Override
    public double value(int component) {
        if (component == 0 || extra == null) {
            return PriceProcess.super.value(component);
        }
        return extra[component - 1];
    }

    /** Records the input; a scripted component ({@code >= 1}) takes it as its value. */
    @Override
    public void set(int component, double input) {
        if (extra == null || component < 1 || component > extra.length) {
            throw new IndexOutOfBoundsException(String.format(
                    "scripted process has components 0..%d; input to %d", components() - 1, component));
        }
        inputs.add(new Input(component, input));
        extra[component - 1] = input;
    }

    @Override
    public long updatePeriod() {
        return updatePeriod;
    }
}
