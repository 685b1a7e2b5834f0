package io.mvtrx.api.settings;

/**
 * One attribute a plugin reads.
 *
 * @param name         attribute name as written in the configuration
 * @param type         value type
 * @param required     whether the attribute must be present
 * @param defaultValue the value used when absent, or null
 * @param description  one line for {@code mvtrx plugins --verbose} and the docs
 */
public record Parameter(String name, ParameterType type, boolean required, String defaultValue, String description) {

    public Parameter {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name is required");
        }
        if (type == null) {
            throw new IllegalArgumentException("parameter '" + name + "' needs a type");
        }
        if (defaultValue != null && !type.accepts(defaultValue)) {
            throw new IllegalArgumentException(
                    "parameter '" + name + "' default '" + defaultValue + "' is not a " + type.label());
        }
        description = description == null ? "" : description;
    }

    /** A required attribute. */
    public static Parameter required(String name, ParameterType type, String description) {
        return new Parameter(name, type, true, null, description);
    }

    /** An optional attribute with a default. */
    public static Parameter optional(String name, ParameterType type, String defaultValue, String description) {
        return new Parameter(name, type, false, defaultValue, description);
    }
}
