package io.mvtrx.runtime.validator.node;

import java.io.IOException;
import java.util.List;

import io.mvtrx.api.spi.chain.Neuron;

/**
 * Who is registered: the neurons the validator may query, with their hotkeys (a uid whose hotkey changes was
 * deregistered and re-registered, and its account is reset). A chain's metagraph ({@link ChainLink}) or a fixed list
 * ({@link #fixed}).
 */
@FunctionalInterface
public interface Roster {

    /** The registered neurons, by uid. */
    List<Neuron> neurons() throws IOException;

    /** Always the same neurons (in-process agents, tests). */
    static Roster fixed(List<Neuron> neurons) {
        List<Neuron> copy = List.copyOf(neurons);
        return () -> copy;
    }
}
