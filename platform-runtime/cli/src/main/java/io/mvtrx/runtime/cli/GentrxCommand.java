package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.checkpoint.Checkpoint;
import io.mvtrx.runtime.gentrx.delta.checkpoint.CheckpointWriter;
import io.mvtrx.runtime.gentrx.model.ModelConfig;
import io.mvtrx.runtime.gentrx.model.OrderModel;
import io.mvtrx.runtime.gentrx.model.TrainingSettings;
import io.mvtrx.runtime.gentrx.train.ModelConfigText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mvtrx gentrx}: GenTRX model files. */
@Command(name = "gentrx",
        mixinStandardHelpOptions = true,
        description = "GenTRX model files (doc/gentrx.md).",
        subcommands = {GentrxCommand.InitCheckpoint.class})
final class GentrxCommand implements Callable<Integer> {

    /** The training-regime stamp of checkpoints made here (gentrx.md §4.5). */
    static final int TRAIN_REGIME_VERSION = 3;

    @ParentCommand
    MvtrxCommand mvtrx;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** A freshly initialised order model as a version-0 checkpoint; the same seed gives the same parameters. */
    static Checkpoint seedCheckpoint(ModelConfig config, long seed, String producer) {
        TensorSet parameters;
        try (OrderModel model = OrderModel.create(config, TrainingSettings.reference(), seed, 1)) {
            parameters = model.parameters();
        }
        return new Checkpoint(0, TRAIN_REGIME_VERSION, ModelConfigText.toMap(config), Map.of(),
                Map.of("producer", producer, "seed", Long.toString(seed)), parameters);
    }

    /** The model shapes a seed can take. */
    enum ModelShape {
        REFERENCE, TINY;

        ModelConfig config() {
            return this == REFERENCE ? ModelConfig.reference() : ModelConfig.tiny();
        }
    }

    /**
     * {@code mvtrx gentrx init-checkpoint --model tiny|reference [--seed N] --out FILE}: a freshly initialised order
     * model as a version-0 checkpoint — the seed a gradient server starts from ({@code --checkpoint}).
     */
    @Command(name = "init-checkpoint",
            mixinStandardHelpOptions = true,
            description = "Writes a freshly initialised order model (seeded) as a version-0 checkpoint: the seed a "
                    + "gradient server starts from.",
            exitCodeListHeading = ExitCodes.HELP_HEADING,
            exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
    static final class InitCheckpoint implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--model", paramLabel = "tiny|reference", defaultValue = "reference",
                converter = ShapeConverter.class,
                description = "reference (12,058,801 parameters) or tiny (tests, local runs). Default: "
                        + "${DEFAULT-VALUE}.")
        private ModelShape shape;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
                description = "Initialisation seed: the same seed gives the same parameters. Default: "
                        + "${DEFAULT-VALUE}.")
        private long seed;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Checkpoint file to write.")
        private Path out;

        @Override
        public Integer call() {
            Checkpoint checkpoint = seedCheckpoint(shape.config(), seed, "mvtrx gentrx init-checkpoint");
            TensorSet parameters = checkpoint.tensors();
            try {
                CheckpointWriter.write(checkpoint, out);
            } catch (IOException e) {
                throw new CommandFailedException("cannot write %s: %s", out, e.getMessage());
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("%s: %s order model, seed %d, %,d parameters in %d tensors, version 0%n", out,
                    shape.name().toLowerCase(Locale.ROOT), seed, parameters.totalElements(),
                    parameters.tensors().size());
            stdout.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code tiny} / {@code reference}, case-insensitive, with the choices in the error. */
    static final class ShapeConverter implements picocli.CommandLine.ITypeConverter<ModelShape> {
        @Override
        public ModelShape convert(String value) {
            try {
                return ModelShape.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a model: tiny or "
                        + "reference");
            }
        }
    }
}
