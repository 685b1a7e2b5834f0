package io.mvtrx.runtime.gentrx.model;

import java.util.Locale;

/**
 * Measures training and evaluation throughput of the order model (issue 6 item 8): training steps (forward, backward,
 * clipping, AdamW) at {@code --train-batch} × {@code --length} tokens and evaluation at {@code --eval-batch} ×
 * {@code --length}, after warm-up runs that are not timed. Prints one line per timed run and a summary.
 *
 * <pre>
 * java -cp ... io.mvtrx.runtime.gentrx.model.ThroughputBenchmark [--config reference|tiny] [--threads 2]
 *      [--train-batch 4] [--eval-batch 64] [--length 512] [--train-steps 5] [--eval-runs 3] [--warmup 1]
 * </pre>
 */
public final class ThroughputBenchmark {

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("throughput benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        ModelConfig config = options.tiny ? ModelConfig.tiny() : ModelConfig.reference();
        System.out.printf(Locale.ROOT, "config %s (%s), threads %d, length %d, java %s, %d cpus%n",
                options.tiny ? "tiny" : "reference", config, options.threads, options.length,
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        try (OrderModel model = OrderModel.create(config, TrainingSettings.reference(), 1, options.threads)) {
            System.out.printf(Locale.ROOT, "parameters %,d%n", model.layout().totalElements());
            if (options.trainSteps > 0) {
                TokenBatch batch = SyntheticBatches.random(config, options.trainBatch, options.length, 2);
                for (int i = 0; i < options.warmup; i++) {
                    model.trainStep(batch);
                }
                long start = System.nanoTime();
                for (int step = 1; step <= options.trainSteps; step++) {
                    long stepStart = System.nanoTime();
                    OrderModel.StepResult result = model.trainStep(batch);
                    double seconds = (System.nanoTime() - stepStart) / 1e9;
                    System.out.printf(Locale.ROOT, "train step %d: %.3f s, loss %.4f, grad norm %.3f%n", step,
                            seconds, result.loss(), result.gradientNorm());
                }
                double perStep = (System.nanoTime() - start) / 1e9 / options.trainSteps;
                System.out.printf(Locale.ROOT, "TRAIN batch %d x %d: %.3f s/step, %.0f tokens/s%n",
                        options.trainBatch, options.length, perStep, options.trainBatch * options.length / perStep);
            }
            if (options.evalRuns > 0) {
                TokenBatch batch = SyntheticBatches.random(config, options.evalBatch, options.length, 3);
                for (int i = 0; i < options.warmup; i++) {
                    model.evaluate(batch);
                }
                long start = System.nanoTime();
                for (int run = 1; run <= options.evalRuns; run++) {
                    long runStart = System.nanoTime();
                    Evaluation evaluation = model.evaluate(batch);
                    System.out.printf(Locale.ROOT, "eval run %d: %.3f s, loss %.4f%n", run,
                            (System.nanoTime() - runStart) / 1e9, evaluation.loss());
                }
                double perRun = (System.nanoTime() - start) / 1e9 / options.evalRuns;
                System.out.printf(Locale.ROOT, "EVAL batch %d x %d: %.3f s/batch, %.0f tokens/s%n",
                        options.evalBatch, options.length, perRun, options.evalBatch * options.length / perRun);
            }
        }
    }

    private record Options(boolean tiny, int threads, int trainBatch, int evalBatch, int length, int trainSteps,
                           int evalRuns, int warmup) {

        static Options parse(String[] args) {
            boolean tiny = false;
            int threads = 2;
            int trainBatch = 4;
            int evalBatch = 64;
            int length = 512;
            int trainSteps = 5;
            int evalRuns = 3;
            int warmup = 1;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args[++i];
                switch (flag) {
                    case "--config" -> tiny = switch (value) {
                        case "tiny" -> true;
                        case "reference" -> false;
                        default -> throw new IllegalArgumentException("--config must be reference or tiny, was " + value);
                    };
                    case "--threads" -> threads = number(flag, value, 0);
                    case "--train-batch" -> trainBatch = number(flag, value, 1);
                    case "--eval-batch" -> evalBatch = number(flag, value, 1);
                    case "--length" -> length = number(flag, value, 1);
                    case "--train-steps" -> trainSteps = number(flag, value, 0);
                    case "--eval-runs" -> evalRuns = number(flag, value, 0);
                    case "--warmup" -> warmup = number(flag, value, 0);
                    default -> throw new IllegalArgumentException("unknown flag " + flag);
                }
            }
            return new Options(tiny, threads, trainBatch, evalBatch, length, trainSteps, evalRuns, warmup);
        }

        private static int number(String flag, String value, int min) {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < min) {
                    throw new IllegalArgumentException(flag + " must be at least " + min + ", was " + value);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a whole number, was " + value);
            }
        }
    }
}
