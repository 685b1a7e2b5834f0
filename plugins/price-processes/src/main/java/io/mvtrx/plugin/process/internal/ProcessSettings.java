package io.mvtrx.plugin.process.internal;

import java.util.function.Supplier;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;

/** Reads process elements: the configured name and model-constructor checks turned into path-named errors. */
public final class ProcessSettings {

    private ProcessSettings() {
    }

    /** The name agents read the process by: the {@code name} attribute, else the kind's conventional name. */
    public static String name(Settings settings, String defaultName) {
        String name = settings.string("name", defaultName).strip();
        if (name.isEmpty()) {
            throw new SettingsException("%s: attribute 'name' must not be blank", settings.path());
        }
        return name;
    }

    /** A positive integer attribute in ns. */
    public static long positiveNanos(Settings settings, String attribute) {
        long value = settings.longValue(attribute);
        if (value <= 0) {
            throw new SettingsException("%s: attribute '%s' must be > 0 ns, got '%d'", settings.path(), attribute,
                    value);
        }
        return value;
    }

    /** Builds a model, turning its argument checks into an error naming the element path. */
    public static <T> T build(Settings settings, Supplier<T> model) {
        try {
            return model.get();
        } catch (IllegalArgumentException e) {
            throw new SettingsException("%s: %s", settings.path(), e.getMessage());
        }
    }
}
