package io.mvtrx.runtime.gentrx.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.TensorSet;

/**
 * The GenTRX order model (gentrx.md §4.2) in a TensorFlow session: seeded initialisation, export and import of its
 * parameters under the reference state-dict names, AdamW training steps and scoring-path evaluation.
 *
 * <p>Parameters live in the session; {@link #parameters()} copies them out. Attention dropout (0.1 in the reference's
 * training mode) is not applied: training here is deterministic given the batch. Not thread-safe: one caller at a
 * time.
 */
public final class OrderModel implements AutoCloseable {

    private static final int EVAL_CHUNK_ROWS = 4096;

    private final ModelConfig config;
    private final TrainingSettings settings;
    private final OrderGraph graph;
    private final Session session;
    private final ParameterLayout layout;
    private long optimizerSteps;

    private OrderModel(ModelConfig config, TrainingSettings settings, int threads) {
        this.config = config;
        this.settings = settings;
        this.graph = new OrderGraph(config, settings);
        this.layout = ParameterSpec.layout(graph.specs);
        ConfigProto.Builder sessionConfig = ConfigProto.newBuilder();
        if (threads > 0) {
            sessionConfig.setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(threads);
        }
        this.session = new Session(graph.graph, sessionConfig.build());
    }

    /**
     * A freshly initialised model: the same seed gives the same parameters.
     *
     * @param threads TensorFlow intra- and inter-op threads; 0 lets TensorFlow choose
     */
    public static OrderModel create(ModelConfig config, TrainingSettings settings, long seed, int threads) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(settings, "settings");
        var model = new OrderModel(config, settings, threads);
        try {
            model.load(model.initialParameters(seed));
            model.resetOptimizer();
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public ModelConfig config() {
        return config;
    }

    public TrainingSettings settings() {
        return settings;
    }

    /** Names and shapes in reference state-dict order. */
    public ParameterLayout layout() {
        return layout;
    }

    /** Copies the current parameters out of the session, in reference state-dict order and PyTorch shapes. */
    public TensorSet parameters() {
        Session.Runner runner = session.runner();
        graph.parameters.forEach(runner::fetch);
        var tensors = new ArrayList<io.mvtrx.runtime.gentrx.delta.Tensor>(graph.specs.size());
        try (Result result = runner.run()) {
            for (int i = 0; i < graph.specs.size(); i++) {
                ParameterSpec spec = graph.specs.get(i);
                float[] values = new float[spec.elements()];
                ((TFloat32) result.get(i)).copyTo(DataBuffers.of(values, false, false));
                tensors.add(new io.mvtrx.runtime.gentrx.delta.Tensor(spec.name(), spec.shape(), values));
            }
        }
        return new TensorSet(tensors);
    }

    /**
     * Replaces every parameter. Refuses, before changing anything, a set whose names or shapes differ from
     * {@link #layout()} or that holds a NaN or infinite value, naming the first offending tensor.
     */
    public void load(TensorSet parameters) {
        Objects.requireNonNull(parameters, "parameters");
        List<io.mvtrx.runtime.gentrx.delta.Tensor> tensors = parameters.tensors();
        if (tensors.size() != graph.specs.size()) {
            throw new IllegalArgumentException("parameters: " + tensors.size() + " tensors, the model has "
                    + graph.specs.size());
        }
        for (int i = 0; i < tensors.size(); i++) {
            var tensor = tensors.get(i);
            ParameterSpec spec = graph.specs.get(i);
            if (!tensor.name().equals(spec.name())) {
                throw new IllegalArgumentException("parameters: tensor " + i + " is " + tensor.name()
                        + ", the model expects " + spec.name());
            }
            if (!Arrays.equals(tensor.shape(), spec.shape())) {
                throw new IllegalArgumentException("parameters: " + spec.name() + " has shape "
                        + Arrays.toString(tensor.shape()) + ", the model expects " + Arrays.toString(spec.shape()));
            }
            float[] values = tensor.values();
            for (int j = 0; j < values.length; j++) {
                if (!Float.isFinite(values[j])) {
                    throw new IllegalArgumentException("parameters: " + spec.name() + " holds " + values[j]
                            + " at element " + j);
                }
            }
        }
        var feeds = new ArrayList<Tensor>();
        try {
            Session.Runner runner = session.runner().addTarget(graph.loadAll);
            for (int i = 0; i < tensors.size(); i++) {
                var tensor = tensors.get(i);
                TFloat32 value = TFloat32.tensorOf(shape(tensor.shape()),
                        DataBuffers.of(tensor.values(), true, false));
                feeds.add(value);
                runner.feed(graph.loadValues.get(i), value);
            }
            runner.run().close();
        } finally {
            feeds.forEach(Tensor::close);
        }
    }

    /** Starts a fresh optimiser: zero moments, step count 0 (the reference creates one per training window). */
    public void resetOptimizer() {
        session.runner().addTarget(graph.resetOptimizer).run().close();
        optimizerSteps = 0;
    }

    /**
     * One AdamW step on a batch: forward, loss, gradients, global-norm clipping, decoupled weight decay, update.
     * When the loss is not finite the parameters are left as they were and the returned loss says so.
     */
    public StepResult trainStep(TokenBatch batch) {
        batch.validate(config);
        long step = optimizerSteps + 1;
        double biasCorrection1 = 1 - Math.pow(settings.beta1(), step);
        double biasCorrection2 = 1 - Math.pow(settings.beta2(), step);
        try (var inputs = new BatchFeeds(batch)) {
            Session.Runner runner = inputs.feed(session.runner());
            runner.feed(graph.stepSize, inputs.keep(TFloat32.scalarOf((float) (settings.learningRate()
                    / biasCorrection1))));
            runner.feed(graph.sqrtBiasCorrection2, inputs.keep(TFloat32.scalarOf((float) Math.sqrt(biasCorrection2))));
            runner.feed(graph.decayFactor, inputs.keep(TFloat32.scalarOf(1f - settings.learningRate()
                    * settings.weightDecay())));
            runner.fetch(graph.loss).fetch(graph.gradientNorm).addTarget(graph.trainStep);
            try (Result result = runner.run()) {
                float loss = ((TFloat32) result.get(0)).getFloat();
                float norm = ((TFloat32) result.get(1)).getFloat();
                if (Float.isFinite(loss)) {
                    optimizerSteps = step;
                }
                return new StepResult(loss, norm);
            }
        }
    }

    /** The scoring-path loss of a batch (no update): non-finite rows dropped, fields weighted. */
    public Evaluation evaluate(TokenBatch batch) {
        return Evaluation.ofRowLosses(rowLosses(batch));
    }

    /** Each field's loss at every row of a batch, {@code [B·T]} row-major, before any masking. */
    Map<Field, float[]> rowLosses(TokenBatch batch) {
        batch.validate(config);
        var rowLosses = new EnumMap<Field, float[]>(Field.class);
        for (Field field : Field.values()) {
            rowLosses.put(field, new float[batch.rows()]);
        }
        // Large batches run in chunks of about EVAL_CHUNK_ROWS rows: the attention scores of a whole 64 × 512 batch
        // (0.5 GB per layer) cost more in memory traffic than the extra session calls.
        int windowsPerChunk = Math.max(1, EVAL_CHUNK_ROWS / batch.length());
        for (int from = 0; from < batch.batch(); from += windowsPerChunk) {
            int to = Math.min(batch.batch(), from + windowsPerChunk);
            TokenBatch chunk = from == 0 && to == batch.batch() ? batch : batch.windows(from, to);
            try (var inputs = new BatchFeeds(chunk)) {
                Session.Runner runner = inputs.feed(session.runner());
                for (Field field : Field.values()) {
                    runner.fetch(graph.rowLosses.get(field));
                }
                try (Result result = runner.run()) {
                    for (Field field : Field.values()) {
                        ((TFloat32) result.get(field.ordinal())).copyTo(DataBuffers.of(rowLosses.get(field),
                                false, false).offset((long) from * batch.length()));
                    }
                }
            }
        }
        return rowLosses;
    }

    /** The training loss (plain weighted mean over all rows) of a batch, without an update. */
    public float loss(TokenBatch batch) {
        batch.validate(config);
        try (var inputs = new BatchFeeds(batch); Result result = inputs.feed(session.runner()).fetch(graph.loss).run()) {
            return ((TFloat32) result.get(0)).getFloat();
        }
    }

    @Override
    public void close() {
        session.close();
        graph.graph.close();
    }

    private TensorSet initialParameters(long seed) {
        var random = new SplittableRandom(seed);
        var tensors = new ArrayList<io.mvtrx.runtime.gentrx.delta.Tensor>(graph.specs.size());
        for (ParameterSpec spec : graph.specs) {
            // One split per tensor: a tensor's values do not depend on the sizes of the tensors before it.
            tensors.add(new io.mvtrx.runtime.gentrx.delta.Tensor(spec.name(), spec.shape(),
                    spec.initialValues(random.split())));
        }
        return new TensorSet(tensors);
    }

    private static Shape shape(int... dims) {
        long[] longs = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            longs[i] = dims[i];
        }
        return Shape.of(longs);
    }

    /**
     * Result of one training step.
     *
     * @param loss         the batch's weighted loss before the update
     * @param gradientNorm the global gradient norm before clipping
     */
    public record StepResult(float loss, float gradientNorm) {
    }

    /** The input tensors of one batch, closed together. */
    private final class BatchFeeds implements AutoCloseable {

        private final TokenBatch batch;
        private final List<Tensor> tensors = new ArrayList<>();

        BatchFeeds(TokenBatch batch) {
            this.batch = batch;
        }

        <T extends Tensor> T keep(T tensor) {
            tensors.add(tensor);
            return tensor;
        }

        Session.Runner feed(Session.Runner runner) {
            int b = batch.batch();
            int t = batch.length();
            int rows = batch.rows();
            for (Field field : Field.values()) {
                runner.feed(graph.inputFields.get(field), ints(batch.inputs().of(field), b, t));
                runner.feed(graph.labelFields.get(field), ints(batch.labels().of(field), b, t));
            }
            runner.feed(graph.midDelta, ints(batch.midDeltaBucket(), b, t));
            float[] time = new float[rows * 2];
            float[] cond = new float[rows * config.condDim()];
            int lobDim = config.lobDim();
            for (int row = 0; row < rows; row++) {
                double angle = 2 * Math.PI * (batch.timeBucket()[row] * (double) ModelConfig.TIME_BIN_SECONDS)
                        / 86_400.0;
                float sin = (float) Math.sin(angle);
                float cos = (float) Math.cos(angle);
                time[2 * row] = sin;
                time[2 * row + 1] = cos;
                int base = row * config.condDim();
                cond[base] = sin;
                cond[base + 1] = cos;
                System.arraycopy(batch.lob(), row * lobDim, cond, base + 2, lobDim);
            }
            runner.feed(graph.time, floats(time, rows, 2));
            runner.feed(graph.lob, floats(batch.lob(), rows, lobDim));
            runner.feed(graph.cond, floats(cond, rows, config.condDim()));
            runner.feed(graph.mask, floats(flatten(Layers.causalMask(t)), t, t));
            float[][][] rope = Layers.ropeTables(t, config.headDim(), OrderGraph.ROPE_THETA);
            runner.feed(graph.ropeCos, floats(flatten(rope[0]), t, config.headDim()));
            runner.feed(graph.ropeSin, floats(flatten(rope[1]), t, config.headDim()));
            return runner;
        }

        private TInt32 ints(int[] values, int... dims) {
            return keep(TInt32.tensorOf(shape(dims), DataBuffers.of(values, true, false)));
        }

        private TFloat32 floats(float[] values, int... dims) {
            return keep(TFloat32.tensorOf(shape(dims), DataBuffers.of(values, true, false)));
        }

        @Override
        public void close() {
            tensors.forEach(Tensor::close);
        }
    }

    private static float[] flatten(float[][] matrix) {
        int columns = matrix.length == 0 ? 0 : matrix[0].length;
        float[] flat = new float[matrix.length * columns];
        for (int i = 0; i < matrix.length; i++) {
            System.arraycopy(matrix[i], 0, flat, i * columns, columns);
        }
        return flat;
    }
}
