package io.mvtrx.runtime.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.settings.Settings;

/**
 * One element as read from a file: where its start tag begins, its path with sibling positions, and the
 * {@link Settings} plugins will receive for it. Immutable.
 *
 * @param name     element name
 * @param path     path from the root; a sibling that shares its name with others carries its 1-based position
 *                 ({@code /Simulation/Agents/NoiseTraderAgent[2]})
 * @param line     1-based line of the {@code <}
 * @param column   1-based column of the {@code <}
 * @param settings this element's settings (its {@link Settings#path()} has no sibling positions)
 * @param children child elements in document order, each wrapping the matching child of {@code settings}
 */
record SourceElement(String name, String path, int line, int column, Settings settings,
                     List<SourceElement> children) {

    SourceElement {
        children = List.copyOf(children);
    }

    Map<String, String> attributes() {
        return settings.attributes();
    }

    List<SourceElement> children(String element) {
        return children.stream().filter(c -> c.name.equals(element)).toList();
    }

    Optional<SourceElement> child(String element) {
        return children.stream().filter(c -> c.name.equals(element)).findFirst();
    }
}
