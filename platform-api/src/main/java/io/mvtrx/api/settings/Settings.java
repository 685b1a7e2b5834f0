package io.mvtrx.api.settings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable configuration element: its name, its path from the document root, string attributes and child
 * elements. Plugins receive one in {@code create(...)} and read typed values; every failure names the path, the
 * attribute and the value.
 *
 * {@snippet :
 * Settings fees = Settings.builder("FeePolicy").attribute("type", "static").attribute("takerFee", "0.001").build();
 * BigDecimal taker = fees.decimal("takerFee");
 * }
 */
public final class Settings {

    private final String element;
    private final String path;
    private final Map<String, String> attributes;
    private final List<Settings> children;

    private Settings(String element, String path, Map<String, String> attributes, List<Settings> children) {
        this.element = element;
        this.path = path;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.children = List.copyOf(children);
    }

    /** Starts an element at the document root. */
    public static Builder builder(String element) {
        return new Builder(element);
    }

    /** An element with no attributes and no children. */
    public static Settings empty(String element) {
        return builder(element).build();
    }

    /** Element name, e.g. {@code FeePolicy}. */
    public String element() {
        return element;
    }

    /** Path from the root, e.g. {@code /Simulation/Agents/MultiBookExchangeAgent/FeePolicy}. */
    public String path() {
        return path;
    }

    /** All attributes in document order. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** Child elements in document order. */
    public List<Settings> children() {
        return children;
    }

    /** Children with the given element name. */
    public List<Settings> children(String name) {
        return children.stream().filter(c -> c.element.equals(name)).toList();
    }

    /** The first child with the given element name. */
    public Optional<Settings> child(String name) {
        return children.stream().filter(c -> c.element.equals(name)).findFirst();
    }

    /** An attribute's raw text, if present. */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** Whether an attribute is present. */
    public boolean has(String name) {
        return attributes.containsKey(name);
    }

    /** A required string attribute. */
    public String string(String name) {
        String value = attributes.get(name);
        if (value == null) {
            throw new SettingsException("%s: missing required attribute '%s'", path, name);
        }
        return value;
    }

    /** An optional string attribute. */
    public String string(String name, String defaultValue) {
        return attributes.getOrDefault(name, defaultValue);
    }

    /** A required integer attribute (a long). Accepts plain integers and integral decimals such as {@code 1e9}. */
    public long longValue(String name) {
        return parseLong(name, string(name));
    }

    /** An optional integer attribute. */
    public long longValue(String name, long defaultValue) {
        String value = attributes.get(name);
        return value == null ? defaultValue : parseLong(name, value);
    }

    /** A required int attribute. */
    public int intValue(String name) {
        return toInt(name, longValue(name));
    }

    /** An optional int attribute. */
    public int intValue(String name, int defaultValue) {
        return toInt(name, longValue(name, defaultValue));
    }

    /** A required decimal attribute, exact. */
    public BigDecimal decimal(String name) {
        return parseDecimal(name, string(name));
    }

    /** An optional decimal attribute. */
    public BigDecimal decimal(String name, BigDecimal defaultValue) {
        String value = attributes.get(name);
        return value == null ? defaultValue : parseDecimal(name, value);
    }

    /** A required floating-point attribute (model parameters; never for accounting). */
    public double doubleValue(String name) {
        return decimal(name).doubleValue();
    }

    /** An optional floating-point attribute. */
    public double doubleValue(String name, double defaultValue) {
        String value = attributes.get(name);
        return value == null ? defaultValue : parseDecimal(name, value).doubleValue();
    }

    /** A required boolean attribute: {@code 1/0/true/false/yes/no}, any case. */
    public boolean bool(String name) {
        return parseBoolean(name, string(name));
    }

    /** An optional boolean attribute. */
    public boolean bool(String name, boolean defaultValue) {
        String value = attributes.get(name);
        return value == null ? defaultValue : parseBoolean(name, value);
    }

    private long parseLong(String name, String value) {
        try {
            return new BigDecimal(value.strip()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new SettingsException("%s: attribute '%s' must be an integer, got '%s'", path, name, value);
        }
    }

    private int toInt(String name, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new SettingsException("%s: attribute '%s' must fit a 32-bit integer, got '%d'", path, name, value);
        }
        return (int) value;
    }

    private BigDecimal parseDecimal(String name, String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new SettingsException("%s: attribute '%s' must be a number, got '%s'", path, name, value);
        }
    }

    private boolean parseBoolean(String name, String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default -> throw new SettingsException(
                    "%s: attribute '%s' must be a boolean (1/0/true/false), got '%s'", path, name, value);
        };
    }

    @Override
    public String toString() {
        return path + attributes;
    }

    /** Builds a settings tree; children built by a builder get their paths under it. */
    public static final class Builder {

        private final String element;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<Builder> children = new ArrayList<>();

        private Builder(String element) {
            if (element == null || element.isBlank()) {
                throw new IllegalArgumentException("element name is required");
            }
            this.element = element;
        }

        /** Sets an attribute. */
        public Builder attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        /** Adds a child element. */
        public Builder child(Builder child) {
            children.add(child);
            return this;
        }

        /** Builds the tree with this element at the root. */
        public Settings build() {
            return build("");
        }

        private Settings build(String parentPath) {
            String path = parentPath + "/" + element;
            List<Settings> built = new ArrayList<>(children.size());
            for (Builder child : children) {
                built.add(child.build(path));
            }
            return new Settings(element, path, attributes, built);
        }
    }
}
