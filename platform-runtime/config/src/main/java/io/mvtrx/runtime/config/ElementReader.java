package io.mvtrx.runtime.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;

/**
 * Reads one element's core attributes against a {@link ParameterSchema}, reporting every problem instead of
 * throwing. Construction runs the schema's own check (missing required, wrong type); the typed reads then apply
 * ranges. A read of an attribute that is missing or malformed returns a harmless placeholder: the problem is already
 * recorded, and the caller discards its result when {@link #clean()} is false.
 *
 * <p>Not thread-safe; one per element and validation.
 */
final class ElementReader {

    private final SourceElement element;
    private final ParameterSchema schema;
    private final Problems problems;
    private final int problemsBefore;

    ElementReader(SourceElement element, ParameterSchema schema, Problems problems) {
        this.element = element;
        this.schema = schema;
        this.problems = problems;
        this.problemsBefore = problems.count();
        for (String message : schema.check(element.settings())) {
            problems.addCheck(element, message);
        }
    }

    /** The element read. */
    SourceElement element() {
        return element;
    }

    /** Whether no problem has been recorded since this reader was created (the element's subtree included). */
    boolean clean() {
        return problems.count() == problemsBefore;
    }

    /** Records a problem at this element. */
    void problem(String message) {
        problems.add(element, message);
    }

    /** Records an attribute whose value breaks a constraint: {@code attribute 'x' must be C, got 'v'}. */
    void violation(String name, String constraint) {
        problem(String.format("attribute '%s' must be %s, got '%s'", name, constraint,
                element.settings().attribute(name).orElse("")));
    }

    /** Whether the attribute is present (or defaulted) and of its declared type. */
    boolean valid(String name) {
        return text(name).isPresent();
    }

    /** Whether the attribute is written in the file. */
    boolean present(String name) {
        return element.settings().has(name);
    }

    /** An integer attribute within {@code min..max}; {@code min} as placeholder when missing or invalid. */
    long integer(String name, long min, long max) {
        return optionalInteger(name, min, max).orElse(min);
    }

    /** An optional integer attribute within {@code min..max}; empty when absent without default, or invalid. */
    OptionalLong optionalInteger(String name, long min, long max) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        long value = new BigDecimal(text.get()).longValueExact();
        if (value < min || value > max) {
            violation(name, range(min, max, value));
            return OptionalLong.empty();
        }
        return OptionalLong.of(value);
    }

    /** An int attribute within {@code min..max}. */
    int intValue(String name, int min, int max) {
        return (int) integer(name, min, max);
    }

    /** A decimal attribute; empty when absent without default, or invalid. */
    Optional<BigDecimal> decimal(String name) {
        return text(name).map(BigDecimal::new);
    }

    /** A decimal attribute that must be >= 0. */
    Optional<BigDecimal> nonNegativeDecimal(String name) {
        Optional<BigDecimal> value = decimal(name);
        if (value.isPresent() && value.get().signum() < 0) {
            violation(name, ">= 0");
            return Optional.empty();
        }
        return value;
    }

    /** A string attribute; empty when absent without default. */
    Optional<String> string(String name) {
        return text(name);
    }

    /** A boolean attribute; {@code false} when absent without default, or invalid. */
    boolean bool(String name) {
        return text(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            default -> false;
        }).orElse(false);
    }

    private Optional<String> text(String name) {
        Parameter parameter = schema.parameter(name).orElseThrow(() -> new IllegalStateException(
                String.format("attribute '%s' is not in the core schema of <%s>", name, element.name())));
        Optional<String> written = element.settings().attribute(name);
        if (written.isPresent()) {
            String value = written.get().strip();
            return parameter.type().accepts(value) ? Optional.of(value) : Optional.empty();
        }
        return Optional.ofNullable(parameter.defaultValue());
    }

    private static String range(long min, long max, long value) {
        boolean unbounded = max == Long.MAX_VALUE || max == Integer.MAX_VALUE;
        if (!unbounded) {
            return "within " + min + ".." + max;
        }
        return value < min ? ">= " + min : "<= " + max;
    }
}
