package io.mvtrx.runtime.plugins.internal;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.PluginProvider;
import io.mvtrx.runtime.plugins.PluginInfo.Origin;
import io.mvtrx.runtime.plugins.PluginInfo.State;

/**
 * A plugin while it is being loaded: identity, the providers created so far and the problems met, each problem
 * prefixed with the plugin's label (its JAR as {@code plugins/foo.jar}, or its module).
 *
 * <p>Confined to the loading thread.
 */
public final class LoadedPlugin {

    private final String id;
    private final String version;
    private final Origin origin;
    private final String location;
    private final String label;
    private final List<Provided> providers = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private State state = State.LOADED;
    private int declared;

    /**
     * @param id       plugin id
     * @param version  plugin version
     * @param origin   built-in or folder
     * @param location module name or path, for the listing
     * @param label    how problem lines name the plugin
     */
    public LoadedPlugin(String id, String version, Origin origin, String location, String label) {
        this.id = id;
        this.version = version;
        this.origin = origin;
        this.location = location;
        this.label = label;
    }

    /** A provider created from this plugin. */
    public record Provided(ExtensionPoint point, String name, String className, PluginProvider provider) {
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public Origin origin() {
        return origin;
    }

    public String location() {
        return location;
    }

    /** How problem lines name this plugin, e.g. {@code plugins/foo.jar}. */
    public String label() {
        return label;
    }

    public State state() {
        return state;
    }

    /** Providers created, in discovery order. */
    public List<Provided> providers() {
        return providers;
    }

    /** Problem lines, each starting with the label. */
    public List<String> problems() {
        return problems;
    }

    /** How many providers the plugin declared (created or not). */
    public int declared() {
        return declared;
    }

    /** Counts one declared provider. */
    public void declare() {
        declared++;
    }

    /** Records a created provider. */
    public void add(ExtensionPoint point, String name, String className, PluginProvider provider) {
        providers.add(new Provided(point, name, className, provider));
    }

    /** Records a problem that leaves the plugin's state as it is; {@code format} describes it without the label. */
    public void problem(String format, Object... args) {
        problems.add(label + ": " + String.format(format, args));
    }

    /** Records a problem and marks the plugin failed. */
    public void fail(String format, Object... args) {
        problem(format, args);
        state = State.FAILED;
        providers.clear();
    }

    /** Marks the plugin switched off by the operator. */
    public void disable() {
        state = State.DISABLED;
    }
}
