package io.mvtrx.runtime.gentrx.server;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.checkpoint.Checkpoint;
import io.mvtrx.runtime.gentrx.delta.checkpoint.CheckpointWriter;
import io.mvtrx.runtime.gentrx.delta.gradient.Gradient;
import io.mvtrx.runtime.gentrx.delta.gradient.GradientMetadata;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseDelta;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseTensor;
import io.mvtrx.runtime.gentrx.server.round.Assignment;
import io.mvtrx.runtime.gentrx.server.scoring.Evaluator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A two-weight model {@code w} with a closed-form loss: a page whose key contains {@code held} wants w = (2, 0), any
 * other page w = (1, 1); the loss is the mean over pages of the squared distance. From w = (0, 0): own loss 2, held
 * loss 4.
 */
public final class Fixtures {

    public static final int[] SHAPE = {2};

    private Fixtures() {
    }

    public static TensorSet weights(float w0, float w1) {
        return new TensorSet(List.of(new Tensor("w", SHAPE.clone(), new float[] {w0, w1})));
    }

    public static ParameterLayout layout() {
        return ParameterLayout.of(weights(0, 0));
    }

    public static final Evaluator EVALUATOR = (weights, pages, maxBatches) -> {
        if (pages.isEmpty()) {
            return 0;
        }
        float[] w = weights.tensors().getFirst().values();
        double sum = 0;
        for (String page : pages) {
            double t0 = page.contains("held") ? 2 : 1;
            double t1 = page.contains("held") ? 0 : 1;
            sum += (w[0] - t0) * (w[0] - t0) + (w[1] - t1) * (w[1] - t1);
        }
        return sum / pages.size();
    };

    public static SparseDelta delta(float d0, float d1) {
        return new SparseDelta(layout(), List.of(new SparseTensor("w", SHAPE.clone(), new int[] {0, 1},
                new float[] {d0, d1})));
    }

    public static Gradient gradient(long round, int uid, long modelVersion, float d0, float d1) {
        return new Gradient(new GradientMetadata(round, uid, 10, 2.0, 1.5, List.of(2.0, 1.5), modelVersion),
                delta(d0, d1));
    }

    public static Assignment assignment(int uid, long round, long modelVersion) {
        return new Assignment(uid, round, modelVersion, List.of("1"), List.of("data/0/1/intervals/own-" + uid),
                100, 200, "{\"round\":" + round + ",\"miner\":" + uid + "}");
    }

    public static Path checkpoint(Path dir) throws IOException {
        Path file = dir.resolve("seed.ckpt");
        CheckpointWriter.write(new Checkpoint(0, 3, Map.of(), Map.of(), Map.of(), weights(0, 0)), file);
        return file;
    }
}
