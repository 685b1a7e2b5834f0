package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** Service options from flags, {@code MVTRX_<SERVICE>_<OPTION>} variables and a {@code --config-file}. */
class ServiceDefaultsTest {

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private static CommandLine line(Map<String, String> environment) {
        return MvtrxCommand.commandLine(new MvtrxCommand(ServiceDefaultsTest.class.getClassLoader(), environment));
    }

    /** Parses only (nothing runs) and returns the value the option ends with. */
    private static Object parsed(Map<String, String> environment, String option, String... args) {
        CommandLine line = line(environment);
        line.parseArgs(args);
        return line.getSubcommands().get(args[0]).getCommandSpec().findOption(option).getValue();
    }

    private static Run run(Map<String, String> environment, String... args) {
        CommandLine line = line(environment);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return new Run(line.execute(args), out.toString(), err.toString());
    }

    private Path file(String content) throws IOException {
        Path file = temp.resolve("validator.properties");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws IOException {
        Path file = file("port=7001\nstate-dir=/srv/state\nwallet=owner\n");
        String[] base = {"validator", "--config-file", file.toString(), "--hotkey", "h", "--chain", "c"};
        Map<String, String> env = Map.of("MVTRX_VALIDATOR_PORT", "7002");

        assertThat(parsed(env, "--port", concat(base, "--port", "7003"))).isEqualTo(7003);
        assertThat(parsed(env, "--port", base)).isEqualTo(7002);
        assertThat(parsed(Map.of(), "--port", base)).isEqualTo(7001);
        assertThat(parsed(Map.of(), "--port", "validator", "--wallet", "w", "--hotkey", "h", "--chain", "c"))
                .isEqualTo(8000);
        // a required option is satisfied by the file; others keep their own defaults
        assertThat(parsed(Map.of(), "--wallet", base)).isEqualTo("owner");
        assertThat(parsed(Map.of(), "--state-dir", base)).isEqualTo(Path.of("/srv/state"));
        assertThat(parsed(Map.of(), "--netuid", base)).isEqualTo(79);
    }

    @Test
    void theFileItselfMayBeNamedByTheEnvironment() throws IOException {
        Path file = temp.resolve("chain.properties");
        Files.writeString(file, "port=9955\nblock-time-ms=250\n");
        Map<String, String> env = new HashMap<>(Map.of("MVTRX_CHAIN_CONFIG_FILE", file.toString()));

        assertThat(parsed(env, "--port", "chain")).isEqualTo(9955);
        assertThat(parsed(env, "--block-time-ms", "chain")).isEqualTo(250L);
        env.put("MVTRX_CHAIN_HOST", "0.0.0.0");
        assertThat(parsed(env, "--host", "chain")).isEqualTo("0.0.0.0");
        // another service's variables are not this one's
        assertThat(parsed(Map.of("MVTRX_MINER_PORT", "1"), "--port", "chain")).isEqualTo(9944);
    }

    @Test
    void aBadValueNamesTheOptionTheValueAndWhereItCameFrom() throws IOException {
        Path file = file("port=eighty\n");

        Run fromEnvironment = run(Map.of("MVTRX_VALIDATOR_NETUID", "x79"), "validator", "--wallet", "w", "--hotkey",
                "h", "--chain", "c");
        Run fromFile = run(Map.of(), "validator", "--config-file", file.toString(), "--wallet", "w", "--hotkey", "h",
                "--chain", "c");

        assertThat(fromEnvironment.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fromEnvironment.err()).startsWith("Invalid value for option '--netuid': 'x79' is not an int (from "
                + "environment variable MVTRX_VALIDATOR_NETUID)");
        assertThat(fromFile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fromFile.err()).startsWith("Invalid value for option '--port': 'eighty' is not an int (from key "
                + "'port' of " + file + ")");
    }

    @Test
    void anUnknownOrMultiValuedKeyAndAMissingFileAreUsageErrorsNamingThem() throws IOException {
        Path typo = file("prot=8000\n");
        Run unknown = run(Map.of(), "validator", "--config-file", typo.toString(), "--wallet", "w", "--hotkey", "h",
                "--chain", "c");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).startsWith("--config-file " + typo + ": unknown key 'prot'; mvtrx validator takes: "
                + "alert-min-stall, alert-pagerduty-key, alert-pagerduty-url, alert-stall-factor, alert-timeout-share, "
                + "alert-webhook, chain, config, config-object, duration, external-ip, gentrx, gentrx-api-key, "
                + "gentrx-blocks-per-round, gentrx-checkpoint, gentrx-data-dir, gentrx-evaluator, gentrx-network, "
                + "gentrx-server-port, gentrx-share, gentrx-window, global-timeout, gradient-server, host, hotkey, netuid, network, plugins-dir, port, register, resume, ");

        Path several = file("storage-param=root=/srv\n");
        Run multi = run(Map.of(), "validator", "--config-file", several.toString(), "--wallet", "w", "--hotkey", "h",
                "--chain", "c");
        assertThat(multi.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(multi.err()).startsWith("--config-file " + several + ": key 'storage-param' takes several values "
                + "or is not a setting; give --storage-param on the command line");

        Path none = temp.resolve("none.properties");
        Run missing = run(Map.of(), "chain", "--config-file", none.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).startsWith("--config-file " + none + ": no such file");
    }

    @Test
    void theMinersChainFromTheEnvironmentGivesWayToAChainDirFlagButNotToAnotherVariable() {
        Map<String, String> both = Map.of("MVTRX_MINER_CHAIN", "http://127.0.0.1:9944",
                "MVTRX_MINER_CHAIN_DIR", temp.resolve("chain").toString());

        Run run = run(both, "miner", "--wallet", "w", "--hotkey", "h", "--agent", "A", "--wallet-dir",
                temp.resolve("wallets").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("Error: --chain=URL, --chain-dir=DIR are mutually exclusive (specify only "
                + "one); both are set by the environment or the --config-file");
        assertThat(parsed(Map.of("MVTRX_MINER_CHAIN", "http://127.0.0.1:9944"), "--chain-dir", "miner", "--wallet",
                "w", "--hotkey", "h", "--agent", "A", "--chain-dir", "/srv/chain")).isEqualTo(Path.of("/srv/chain"));
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
