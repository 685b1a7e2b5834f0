package io.mvtrx.runtime.plugins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.mvtrx.api.spi.ExtensionPoint;

/**
 * One plugin as the host sees it: what {@code mvtrx plugins} prints.
 *
 * @param id       {@code Plugin-Id} from the JAR manifest; for a built-in without one, its module name; for a folder
 *                 JAR without a descriptor, the JAR's file name
 * @param version  {@code Plugin-Version}, else the module version, else {@code Implementation-Version}, else
 *                 {@value #UNKNOWN_VERSION}
 * @param origin   built into the distribution, or dropped in the plugins folder
 * @param location module name for a built-in on the module path, else the JAR (or classes directory) path
 * @param state    loaded, disabled by the operator, or failed
 * @param provides the names registered per extension point, sorted; extension points with none are absent
 * @param problems one line per problem found with this plugin, each naming the plugin's JAR or module
 */
public record PluginInfo(String id, String version, Origin origin, String location, State state,
        Map<ExtensionPoint, List<String>> provides, List<String> problems) {

    /** The version shown when a plugin declares none. */
    public static final String UNKNOWN_VERSION = "-";

    public PluginInfo {
        EnumMap<ExtensionPoint, List<String>> copy = new EnumMap<>(ExtensionPoint.class);
        provides.forEach((point, names) -> {
            if (!names.isEmpty()) {
                List<String> sorted = new ArrayList<>(names);
                Collections.sort(sorted);
                copy.put(point, List.copyOf(sorted));
            }
        });
        provides = Collections.unmodifiableMap(copy);
        problems = List.copyOf(problems);
    }

    /** Where a plugin comes from. */
    public enum Origin {
        /** A module (or class-path JAR) of the distribution, found with ServiceLoader. */
        BUILT_IN,
        /** A JAR in the plugins folder, loaded with PF4J. */
        FOLDER;

        /** {@code built-in} or {@code folder}. */
        public String label() {
            return this == BUILT_IN ? "built-in" : "folder";
        }
    }

    /** What became of a plugin. */
    public enum State {
        /** Its providers are registered (some may have been refused, see problems). */
        LOADED,
        /** Switched off by id in {@code disabled.txt} (or left out of a non-empty {@code enabled.txt}). */
        DISABLED,
        /** Refused or broken: nothing it provides is registered. */
        FAILED;

        /** Lower-case name. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
