package io.mvtrx.runtime.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mvtrx gradient-server}'s checks before it serves: each failure is one line naming what and where. */
class GradientServerCommandTest {

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) {
        Map<String, String> environment = new HashMap<>(env);
        environment.put("MVTRX_HOME", temp.resolve("home").toString());
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(
                GradientServerCommandTest.class.getClassLoader(), environment));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    private String[] base(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("gradient-server", "--storage", "fs",
                "--storage-param", "root=" + temp.resolve("bucket"), "--state-dir", temp.resolve("state").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void aFreshStateDirectoryNeedsACheckpoint() {
        Run run = run(Map.of(), base());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("--checkpoint FILE is required: " + temp.resolve("state")
                + " holds no model yet");
    }

    @Test
    void anEvaluatorThatIsNotInstalledIsNamedWithTheInstalledOnes() throws Exception {
        Path seed = CliTestFiles.oneTensorSeed(temp);
        Run run = run(Map.of(), base("--checkpoint", seed.toString(), "--evaluator", "no-such-model"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("--evaluator: exactly one model evaluator is needed named 'no-such-model'; "
                + "installed: ").contains("order-model", "test-squared-length");
    }

    @Test
    void aSeedWithoutTheOrderModelsConfigurationIsRefusedNamingWhatIsMissing() throws Exception {
        Path seed = CliTestFiles.oneTensorSeed(temp);
        Run run = run(Map.of(), base("--checkpoint", seed.toString(), "--evaluator", "order-model"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("--checkpoint " + seed + " does not suit the 'order-model' evaluator: "
                + "model_config has no 'film_layers'");
    }

    @Test
    void aBadNetworkFromTheEnvironmentIsNamed() {
        Run run = run(Map.of("MVTRX_GRADIENT_SERVER_NETWORK", "moon"), base());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("--network moon: expected one of [mainnet, testnet, localnet]");
    }
}
