package io.mvtrx.runtime.simulator.checkpoint;

import java.util.Objects;

/**
 * What a run was built from, saved with each checkpoint so that a resume needs nothing else: the configuration
 * document as it was read, and the options that change the run's shape.
 *
 * @param simulationId  the run's id
 * @param configName    where the configuration came from (a file name or the embedded default's), for messages
 * @param configXml     the configuration document's bytes
 * @param duration      simulated ns
 * @param seed          root seed
 * @param blockCount    blocks
 * @param booksPerBlock books per block
 * @param eventLog      whether the run writes {@code events.l3}
 */
public record RunDescription(String simulationId, String configName, byte[] configXml, long duration, long seed,
                             int blockCount, int booksPerBlock, boolean eventLog) {

    public RunDescription {
        Objects.requireNonNull(simulationId, "simulationId");
        Objects.requireNonNull(configName, "configName");
        configXml = configXml.clone();
    }

    @Override
    public byte[] configXml() {
        return configXml.clone();
    }
}
