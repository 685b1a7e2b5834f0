package io.mvtrx.api.spi;

import io.mvtrx.api.settings.ParameterSchema;

/**
 * What every provider answers, whatever its extension point. Implementations need a public no-argument constructor:
 * ServiceLoader and PF4J create them reflectively.
 */
public interface PluginProvider {

    /** The name configurations use to select this provider, unique within its extension point (e.g. {@code ProRata}). */
    String name();

    /** One line describing what the provider does. */
    default String description() {
        return "";
    }

    /** The attributes the provider reads from its configuration element. */
    default ParameterSchema parameters() {
        return ParameterSchema.NONE;
    }
}
