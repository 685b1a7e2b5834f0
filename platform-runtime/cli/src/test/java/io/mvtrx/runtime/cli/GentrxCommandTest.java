package io.mvtrx.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.runtime.gentrx.delta.checkpoint.Checkpoint;
import io.mvtrx.runtime.gentrx.delta.checkpoint.CheckpointReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class GentrxCommandTest {

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(GentrxCommandTest.class.getClassLoader(),
                Map.of("MVTRX_HOME", temp.resolve("home").toString())));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void writesASeededTinySeedCheckpointThatReadsBackWithItsConfiguration() throws IOException {
        Path first = temp.resolve("a.ckpt");
        Path second = temp.resolve("b.ckpt");

        Run run = run("gentrx", "init-checkpoint", "--model", "tiny", "--seed", "5", "--out", first.toString());
        run("gentrx", "init-checkpoint", "--model", "TINY", "--seed", "5", "--out", second.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo(first + ": tiny order model, seed 5, 167,505 parameters in 58 tensors, "
                + "version 0\n");
        Checkpoint checkpoint = CheckpointReader.read(first, Optional.empty());
        assertThat(checkpoint.modelVersion()).isZero();
        assertThat(checkpoint.trainRegimeVersion()).isEqualTo(3);
        assertThat(checkpoint.modelConfig()).containsEntry("d_model", "32").containsEntry("n_layers", "2")
                .containsEntry("film_layers", "1");
        assertThat(checkpoint.tensors().totalElements()).isEqualTo(167_505);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void anUnknownModelIsAUsageError() {
        Run run = run("gentrx", "init-checkpoint", "--model", "huge", "--out", temp.resolve("x").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("Invalid value for option '--model': 'huge' is not a model: tiny or reference");
    }
}
