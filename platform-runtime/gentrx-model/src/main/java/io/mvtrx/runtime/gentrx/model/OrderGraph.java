package io.mvtrx.runtime.gentrx.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Split;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The order model's TensorFlow graph (gentrx.md §4.2–4.4): forward pass, per-row field losses, the weighted training
 * loss, and one AdamW step with global-norm clipping written as graph ops. Inputs arrive as placeholders; tables that
 * depend only on the window length (causal mask, rotary cos/sin) are computed by the caller.
 */
final class OrderGraph {

    static final float RMS_EPS = 1e-6f;
    static final float LAYER_NORM_EPS = 1e-5f;
    static final double ROPE_THETA = 10_000.0;

    final Graph graph;
    final List<ParameterSpec> specs;
    final List<Variable<TFloat32>> parameters = new ArrayList<>();

    // Inputs.
    final Map<Field, Placeholder<TInt32>> inputFields = new EnumMap<>(Field.class);
    final Map<Field, Placeholder<TInt32>> labelFields = new EnumMap<>(Field.class);
    final Placeholder<TInt32> midDelta;
    final Placeholder<TFloat32> time;
    final Placeholder<TFloat32> lob;
    final Placeholder<TFloat32> cond;
    final Placeholder<TFloat32> mask;
    final Placeholder<TFloat32> ropeCos;
    final Placeholder<TFloat32> ropeSin;

    // Outputs.
    final Map<Field, Operand<TFloat32>> rowLosses = new EnumMap<>(Field.class);
    final Operand<TFloat32> loss;

    // Loading.
    final List<Placeholder<TFloat32>> loadValues = new ArrayList<>();
    final Op loadAll;

    // Training.
    final Placeholder<TFloat32> stepSize;
    final Placeholder<TFloat32> sqrtBiasCorrection2;
    final Placeholder<TFloat32> decayFactor;
    final Operand<TFloat32> gradientNorm;
    final Op trainStep;
    final Op resetOptimizer;

    private final Ops tf;
    private final ModelConfig config;
    private int next;
    private int unusedTokenTable = -1;

    OrderGraph(ModelConfig config, TrainingSettings settings) {
        this.config = config;
        this.graph = new Graph();
        this.tf = Ops.create(graph);
        this.specs = ParameterSpec.of(config);
        var loads = new ArrayList<Op>();
        for (ParameterSpec spec : specs) {
            Shape shape = Shape.of(toLongs(spec.shape()));
            Variable<TFloat32> variable = tf.variable(shape, TFloat32.class);
            Placeholder<TFloat32> value = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
            parameters.add(variable);
            loadValues.add(value);
            loads.add(tf.assign(variable, value));
        }
        loadAll = tf.withControlDependencies(loads).noOp();

        for (Field field : Field.values()) {
            inputFields.put(field, intMatrix());
            labelFields.put(field, intMatrix());
        }
        midDelta = intMatrix();
        time = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
        lob = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.lobDim())));
        cond = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.condDim())));
        mask = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
        ropeCos = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.headDim())));
        ropeSin = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.headDim())));

        Operand<TFloat32> hidden = forward();
        loss = losses(hidden, settings);

        stepSize = scalar();
        sqrtBiasCorrection2 = scalar();
        decayFactor = scalar();
        var optimizerState = new ArrayList<Variable<TFloat32>>();
        // The unused token table gets no gradient; like PyTorch's AdamW on a parameter whose grad is None, the step
        // leaves it alone (no decay either).
        var trained = new ArrayList<Integer>();
        for (int i = 0; i < parameters.size(); i++) {
            if (i != unusedTokenTable) {
                trained.add(i);
            }
        }
        Gradients gradients = tf.gradients(loss, trained.stream().map(parameters::get).toList());
        Operand<TFloat32> squareSum = tf.constant(0f);
        List<Operand<TFloat32>> grads = new ArrayList<>();
        for (int g = 0; g < trained.size(); g++) {
            Operand<TFloat32> grad = gradients.dy(g);
            grads.add(grad);
            squareSum = tf.math.add(squareSum,
                    tf.sum(tf.math.square(grad), allAxes(specs.get(trained.get(g)).shape().length)));
        }
        gradientNorm = tf.math.sqrt(squareSum);
        // PyTorch clip_grad_norm_: scale by max_norm / (norm + 1e-6) when that is below 1.
        Operand<TFloat32> clip = tf.math.minimum(tf.constant(1f),
                tf.math.div(tf.constant(settings.clipNorm()), tf.math.add(gradientNorm, tf.constant(1e-6f))));
        Operand<TBool> finite = tf.math.isFinite(loss);
        var updates = new ArrayList<Op>();
        var resets = new ArrayList<Op>();
        for (int g = 0; g < trained.size(); g++) {
            int i = trained.get(g);
            Variable<TFloat32> parameter = parameters.get(i);
            Shape shape = Shape.of(toLongs(specs.get(i).shape()));
            Variable<TFloat32> m = tf.variable(shape, TFloat32.class);
            Variable<TFloat32> v = tf.variable(shape, TFloat32.class);
            optimizerState.add(m);
            optimizerState.add(v);
            Operand<TFloat32> zeros = tf.zeros(tf.constant(toLongs(specs.get(i).shape())), TFloat32.class);
            resets.add(tf.assign(m, zeros));
            resets.add(tf.assign(v, zeros));
            Operand<TFloat32> grad = tf.math.mul(grads.get(g), clip);
            Operand<TFloat32> newM = tf.math.add(tf.math.mul(m, tf.constant(settings.beta1())),
                    tf.math.mul(grad, tf.constant(1f - settings.beta1())));
            Operand<TFloat32> newV = tf.math.add(tf.math.mul(v, tf.constant(settings.beta2())),
                    tf.math.mul(tf.math.square(grad), tf.constant(1f - settings.beta2())));
            Operand<TFloat32> denominator = tf.math.add(tf.math.div(tf.math.sqrt(newV), sqrtBiasCorrection2),
                    tf.constant(settings.epsilon()));
            // Decoupled decay first, then the Adam step (PyTorch AdamW order).
            Operand<TFloat32> newP = tf.math.sub(tf.math.mul(parameter, decayFactor),
                    tf.math.mul(stepSize, tf.math.div(newM, denominator)));
            // A non-finite loss leaves parameters and moments untouched; the caller stops the window.
            updates.add(tf.assign(m, tf.select(finite, newM, m)));
            updates.add(tf.assign(v, tf.select(finite, newV, v)));
            updates.add(tf.assign(parameter, tf.select(finite, newP, parameter)));
        }
        trainStep = tf.withControlDependencies(updates).noOp();
        resetOptimizer = tf.withControlDependencies(resets).noOp();
    }

    private Operand<TFloat32> forward() {
        int d = config.dModel();
        int heads = config.nHeads();
        int headDim = config.headDim();
        Operand<TInt32> flat = tf.constant(new int[] {-1});
        Operand<TInt32> batchAndLength = tf.shape(inputFields.get(Field.ORDER_TYPE));
        Operand<TInt32> shapeBthd = tf.concat(List.of(batchAndLength, tf.constant(new int[] {heads, headDim})),
                tf.constant(0));
        Operand<TInt32> shapeBhtd = tf.concat(List.of(tf.reshape(
                tf.gather(batchAndLength, tf.constant(new int[] {0}), tf.constant(0)), flat),
                tf.constant(new int[] {heads}),
                tf.reshape(tf.gather(batchAndLength, tf.constant(new int[] {1}), tf.constant(0)), flat),
                tf.constant(new int[] {headDim})), tf.constant(0));
        Operand<TInt32> rows = tf.constant(new int[] {-1, d});
        Operand<TInt32> toHeads = tf.constant(new int[] {0, 2, 1, 3});
        Operand<TFloat32> rotateHalf = tf.constant(Layers.rotateHalfMatrix(headDim));
        float scale = (float) (1.0 / Math.sqrt(headDim));

        Operand<TFloat32> x = null;
        for (Field field : Field.values()) {
            Operand<TFloat32> embedded = tf.gather(param(), tf.reshape(inputFields.get(field), flat), tf.constant(0));
            x = x == null ? embedded : tf.math.add(x, embedded);
        }
        Variable<TFloat32> midTable = param();
        Operand<TFloat32> timeHidden = Layers.gelu(tf, Layers.linear(tf, time, param(), param()));
        x = tf.math.add(x, Layers.linear(tf, timeHidden, param(), param()));
        Operand<TFloat32> lobProjected = Layers.linear(tf, lob, param(), param());
        x = tf.math.add(x, Layers.layerNorm(tf, lobProjected, param(), param(), LAYER_NORM_EPS));
        x = tf.math.add(x, tf.gather(midTable, tf.reshape(midDelta, flat), tf.constant(0)));
        unusedTokenTable = next;
        param(); // backbone.model.embed_tokens.weight: present in the reference, unused by its forward

        Operand<TFloat32> h = x;
        var layerParams = new ArrayList<Variable<TFloat32>[]>();
        for (int layer = 0; layer < config.nLayers(); layer++) {
            @SuppressWarnings("unchecked")
            Variable<TFloat32>[] p = new Variable[9];
            for (int k = 0; k < p.length; k++) {
                p[k] = param();
            }
            layerParams.add(p);
        }
        Variable<TFloat32> finalNorm = param();
        Map<Integer, Variable<TFloat32>[]> film = new java.util.HashMap<>();
        for (int layer : config.filmLayers()) {
            @SuppressWarnings("unchecked")
            Variable<TFloat32>[] p = new Variable[] {param(), param(), param(), param()};
            film.put(layer, p);
        }

        for (int layer = 0; layer < config.nLayers(); layer++) {
            Variable<TFloat32>[] p = layerParams.get(layer); // q k v o gate up down in post
            Operand<TFloat32> a = Layers.rmsNorm(tf, h, p[7], RMS_EPS);
            Operand<TFloat32> q = heads(Layers.linear(tf, a, p[0], null), shapeBthd, toHeads);
            Operand<TFloat32> k = heads(Layers.linear(tf, a, p[1], null), shapeBthd, toHeads);
            Operand<TFloat32> v = heads(Layers.linear(tf, a, p[2], null), shapeBthd, toHeads);
            q = Layers.rope(tf, q, ropeCos, ropeSin, rotateHalf, shapeBhtd, headDim);
            k = Layers.rope(tf, k, ropeCos, ropeSin, rotateHalf, shapeBhtd, headDim);
            // Scaling q (T·hd values per head) is cheaper than scaling the T·T scores.
            q = tf.math.mul(q, tf.constant(scale));
            Operand<TFloat32> scores = tf.math.add(
                    tf.train.batchMatMul(q, k, TFloat32.class, BatchMatMul.adjY(true)), mask);
            Operand<TFloat32> weights = tf.nn.softmax(scores);
            Operand<TFloat32> attended = tf.train.batchMatMul(weights, v, TFloat32.class);
            Operand<TFloat32> merged = tf.reshape(tf.linalg.transpose(attended, toHeads), rows);
            h = tf.math.add(h, Layers.linear(tf, merged, p[3], null));
            Operand<TFloat32> m = Layers.rmsNorm(tf, h, p[8], RMS_EPS);
            Operand<TFloat32> gated = tf.math.mul(Layers.silu(tf, Layers.linear(tf, m, p[4], null)),
                    Layers.linear(tf, m, p[5], null));
            h = tf.math.add(h, Layers.linear(tf, gated, p[6], null));
            Variable<TFloat32>[] f = film.get(layer);
            if (f != null) {
                Operand<TFloat32> modulation = Layers.linear(tf,
                        Layers.gelu(tf, Layers.linear(tf, cond, f[0], f[1])), f[2], f[3]);
                Split<TFloat32> gammaBeta = tf.split(tf.constant(1), modulation, 2L);
                h = tf.math.add(tf.math.mul(gammaBeta.output().get(0), h), gammaBeta.output().get(1));
            }
        }
        return Layers.rmsNorm(tf, h, finalNorm, RMS_EPS);
    }

    private Operand<TFloat32> losses(Operand<TFloat32> hidden, TrainingSettings settings) {
        Operand<TInt32> flat = tf.constant(new int[] {-1});
        Operand<TFloat32> total = tf.constant(0f);
        for (Field field : Field.values()) {
            Operand<TFloat32> normalised = Layers.layerNorm(tf, hidden, param(), param(), LAYER_NORM_EPS);
            Operand<TFloat32> logits = Layers.linear(tf, normalised, param(), param());
            double sigma = field.ordinalBins() ? settings.labelSigma() : 0.0;
            Operand<TFloat32> table = tf.constant(Layers.softTargets(config.classes(field), sigma));
            Operand<TFloat32> targets = tf.gather(table, tf.reshape(labelFields.get(field), flat), tf.constant(0));
            Operand<TFloat32> perRow = Layers.softCrossEntropy(tf, logits, targets);
            rowLosses.put(field, perRow);
            total = tf.math.add(total, tf.math.mul(tf.constant(field.lossWeight()),
                    tf.math.mean(perRow, tf.constant(0))));
        }
        if (next != specs.size()) {
            throw new IllegalStateException("graph consumed " + next + " of " + specs.size() + " parameters");
        }
        return total;
    }

    /** {@code [N, d]} → {@code [B, H, T, hd]}. */
    private Operand<TFloat32> heads(Operand<TFloat32> x, Operand<TInt32> shapeBthd, Operand<TInt32> toHeads) {
        return tf.linalg.transpose(tf.reshape(x, shapeBthd), toHeads);
    }

    /** The next parameter in state-dict order: the forward pass consumes them in the order {@link ParameterSpec} lists. */
    private Variable<TFloat32> param() {
        return parameters.get(next++);
    }

    private Placeholder<TInt32> intMatrix() {
        return tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1)));
    }

    private Placeholder<TFloat32> scalar() {
        return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    }

    private Operand<TInt32> allAxes(int rank) {
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) {
            axes[i] = i;
        }
        return tf.constant(axes);
    }

    private static long[] toLongs(int[] shape) {
        long[] longs = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            longs[i] = shape[i];
        }
        return longs;
    }
}
