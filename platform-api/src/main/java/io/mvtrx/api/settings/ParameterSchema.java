package io.mvtrx.api.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes a plugin reads from its configuration element. The configuration validator checks every element
 * against the schema of the plugin it resolves to, so a missing or mistyped attribute is reported with its path
 * before anything runs. Attributes a schema does not list are ignored (the upstream format carries extras such as
 * {@code debug}).
 *
 * @param parameters the declared attributes, by name
 */
public record ParameterSchema(Map<String, Parameter> parameters) {

    /** A schema that declares nothing and accepts anything. */
    public static final ParameterSchema NONE = new ParameterSchema(Map.of());

    public ParameterSchema {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A schema of the given parameters, in order. */
    public static ParameterSchema of(Parameter... parameters) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            if (byName.putIfAbsent(parameter.name(), parameter) != null) {
                throw new IllegalArgumentException("parameter '" + parameter.name() + "' declared twice");
            }
        }
        return new ParameterSchema(byName);
    }

    /** The parameter with that name. */
    public Optional<Parameter> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /**
     * Checks an element against this schema.
     *
     * @return one message per problem, each naming the element path, the attribute and what is wrong; empty if valid
     */
    public List<String> check(Settings settings) {
        List<String> problems = new ArrayList<>();
        for (Parameter parameter : parameters.values()) {
            Optional<String> value = settings.attribute(parameter.name());
            if (value.isEmpty()) {
                if (parameter.required()) {
                    problems.add(String.format("%s: missing required attribute '%s' (%s)",
                            settings.path(), parameter.name(), parameter.type().label()));
                }
            } else if (!parameter.type().accepts(value.get())) {
                problems.add(String.format("%s: attribute '%s' must be %s %s, got '%s'",
                        settings.path(), parameter.name(), article(parameter.type()), parameter.type().label(),
                        value.get()));
            }
        }
        return problems;
    }

    private static String article(ParameterType type) {
        return type == ParameterType.INTEGER ? "an" : "a";
    }
}
