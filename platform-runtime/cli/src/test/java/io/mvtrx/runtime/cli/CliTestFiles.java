package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.mvtrx.runtime.gentrx.delta.checkpoint.Checkpoint;
import io.mvtrx.runtime.gentrx.delta.checkpoint.CheckpointWriter;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.model.ModelConfig;

/** Files the command tests start from, written into their temporary folders. */
final class CliTestFiles {

    private CliTestFiles() {
    }

    /** The small simulation configuration (test resource {@code small.xml}) copied to {@code dir/small.xml}. */
    static Path smallConfig(Path dir) throws IOException {
        Path config = dir.resolve("small.xml");
        try (InputStream in = CliTestFiles.class.getResourceAsStream("small.xml")) {
            Files.copy(in, config);
        }
        return config;
    }

    /** A seed checkpoint of the tiny order model (seed 1) at {@code dir/seed.ckpt}. */
    static Path tinyModelSeed(Path dir) throws IOException {
        Path seed = dir.resolve("seed.ckpt");
        CheckpointWriter.write(GentrxCommand.seedCheckpoint(ModelConfig.tiny(), 1, "test"), seed);
        return seed;
    }

    /** A version-0 checkpoint of one two-float tensor {@code w} at {@code dir/seed.ckpt}: a model in name only. */
    static Path oneTensorSeed(Path dir) throws IOException {
        Path seed = dir.resolve("seed.ckpt");
        CheckpointWriter.write(new Checkpoint(0, 3, Map.of(), Map.of(), Map.of(), new TensorSet(List.of(
                new Tensor("w", new int[] {2}, new float[] {0, 0})))), seed);
        return seed;
    }
}
