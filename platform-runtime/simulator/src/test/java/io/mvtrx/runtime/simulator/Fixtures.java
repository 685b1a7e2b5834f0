package io.mvtrx.runtime.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.config.SimulationConfigs;
import io.mvtrx.runtime.plugins.PluginHost;
import io.mvtrx.runtime.plugins.PluginRegistry;

/** The built-in plugins (test class path) and the small test configuration. */
final class Fixtures {

    /** Loaded once for the test JVM; the built-ins hold no state. */
    static final PluginRegistry PLUGINS = PluginHost.loadBuiltIns();

    private Fixtures() {
    }

    /**
     * {@code small.xml}: the live configuration cut down to 2 blocks × 2 books, 53 agents per block of six models,
     * 3 remote accounts, 60 s grace, 10 simulated minutes, seed 42.
     */
    static SimulationConfig small() {
        return load("small.xml");
    }

    /**
     * Runs {@link #small} with {@code options} to its end: the simulation handed to {@code holder} first (remote agents
     * answering from {@code options} need it), {@code afterStep} called after each step.
     */
    static void runSmall(SimulationOptions options, Simulation[] holder, Consumer<Simulation> afterStep) {
        try (Simulation simulation = Simulation.create(small(), PLUGINS, options)) {
            holder[0] = simulation;
            while (!simulation.finished()) {
                simulation.step();
                afterStep.accept(simulation);
            }
        }
    }

    /** {@code small.xml} with {@code original} replaced by {@code replacement} (which must occur). */
    static SimulationConfig smallWith(String original, String replacement) {
        String xml = text("small.xml");
        if (!xml.contains(original)) {
            throw new IllegalArgumentException("small.xml has no " + original);
        }
        byte[] bytes = xml.replace(original, replacement).getBytes(StandardCharsets.UTF_8);
        return SimulationConfigs.load("small.xml (modified)", new ByteArrayInputStream(bytes), PLUGINS);
    }

    static String text(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SimulationConfig load(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return SimulationConfigs.load(resource, in, PLUGINS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
