package io.mvtrx.plugin.agents.internal;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;

/**
 * Typed reads of an agent element with the range checks the reference applies at configuration; every failure names
 * the element path, the attribute, the constraint and the value.
 */
public final class Attributes {

    private final Settings settings;

    public Attributes(Settings settings) {
        this.settings = settings;
    }

    /** The element. */
    public Settings settings() {
        return settings;
    }

    /** A required number. */
    public double number(String name) {
        return settings.doubleValue(name);
    }

    /** An optional number. */
    public double number(String name, double defaultValue) {
        return settings.doubleValue(name, defaultValue);
    }

    /** A required whole number. */
    public long whole(String name) {
        return settings.longValue(name);
    }

    /** An optional whole number. */
    public long whole(String name, long defaultValue) {
        return settings.longValue(name, defaultValue);
    }

    /** A required string. */
    public String text(String name) {
        return settings.string(name);
    }

    /** An optional boolean. */
    public boolean flag(String name, boolean defaultValue) {
        return settings.bool(name, defaultValue);
    }

    /** Checks {@code value > 0}. */
    public double positive(String name, double value) {
        if (!(value > 0)) {
            throw invalid(name, "> 0", value);
        }
        return value;
    }

    /** Checks {@code value > 0}. */
    public long positive(String name, long value) {
        if (value <= 0) {
            throw invalid(name, "> 0", value);
        }
        return value;
    }

    /** Checks {@code value >= 0}. */
    public double nonNegative(String name, double value) {
        if (!(value >= 0)) {
            throw invalid(name, ">= 0", value);
        }
        return value;
    }

    /** Checks {@code value >= 0}. */
    public long nonNegative(String name, long value) {
        if (value < 0) {
            throw invalid(name, ">= 0", value);
        }
        return value;
    }

    /** Checks {@code low <= value <= high}. */
    public double within(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw invalid(name, "within [" + low + ", " + high + "]", value);
        }
        return value;
    }

    /** Checks {@code minName < maxName} for a latency pair. */
    public void ordered(String minName, long min, String maxName, long max) {
        if (min >= max) {
            throw new SettingsException("%s: attribute '%s' (%d) must be less than '%s' (%d)",
                    settings.path(), minName, min, maxName, max);
        }
    }

    /** An exception naming the element, the attribute, the constraint and the value. */
    public SettingsException invalid(String name, String constraint, Object value) {
        return new SettingsException("%s: attribute '%s' must be %s, got %s", settings.path(), name, constraint, value);
    }
}
