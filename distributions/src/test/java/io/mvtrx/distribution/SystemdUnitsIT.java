package io.mvtrx.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample systemd units of the distribution's {@code systemd/} folder: each passes {@code systemd-analyze verify}
 * (when this machine has it) with {@code /opt/mvtrx} pointed at the unpacked distribution; each runs
 * {@code bin/mvtrx} with a command and options that command accepts, stops with SIGTERM within a bound, restarts on
 * failure as a dedicated user; and every variable of its environment file is an option of that command.
 */
class SystemdUnitsIT {

    private static final Path HOME = Path.of(System.getProperty("mvtrx.distribution", "target/mvtrx-0.1.0"))
            .toAbsolutePath();
    private static final Path UNITS = HOME.resolve("systemd");
    /** Where the units expect the distribution. */
    private static final String INSTALL = "/opt/mvtrx";

    @TempDir
    Path temp;

    /** Output and exit code of a process. */
    record Run(int exitCode, String output) {
    }

    private Run run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(temp, "run", ".txt");
        Process process = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish: " + command);
        }
        return new Run(process.exitValue(), Files.readString(output));
    }

    /** The [Service] (and other sections') keys of a unit file; a repeated key keeps its last value. */
    static Map<String, String> keys(Path unit) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : Files.readAllLines(unit)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("[")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            assertThat(equals).as("%s: not KEY=VALUE: %s", unit, line).isPositive();
            keys.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
        return keys;
    }

    /** The variables of an environment file (comments and blank lines skipped). */
    static Map<String, String> variables(Path file) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            assertThat(equals).as("%s: not NAME=VALUE: %s", file, line).isPositive();
            variables.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return variables;
    }

    @Test
    void theDistributionShipsTheUnitsAndTheirEnvironmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(UNITS)) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted().toList()).containsExactly(
                    "chain.env", "gradient-server.env", "miner.env", "mvtrx-chain.service",
                    "mvtrx-gradient-server.service", "mvtrx-miner@.service", "mvtrx-validator.service", "validator.env");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mvtrx-validator.service", "mvtrx-miner@.service", "mvtrx-chain.service",
        "mvtrx-gradient-server.service"})
    void aUnitRunsTheLauncherWithOptionsItsCommandAccepts(String name) throws Exception {
        Map<String, String> unit = keys(UNITS.resolve(name));
        String command = name.replaceFirst("^mvtrx-", "").replaceFirst("@?\\.service$", "");

        assertThat(unit).containsEntry("Type", "simple").containsEntry("User", "mvtrx")
                .containsEntry("KillSignal", "SIGTERM").containsEntry("Restart", "on-failure")
                .containsEntry("NoNewPrivileges", "yes").containsEntry("ProtectSystem", "strict")
                .containsEntry("StateDirectory", "mvtrx").doesNotContainKey("MemoryDenyWriteExecute");
        assertThat(Integer.parseInt(unit.get("TimeoutStopSec"))).as("time to finish a step and checkpoint")
                .isGreaterThanOrEqualTo(60);
        String environmentFile = unit.get("EnvironmentFile");
        assertThat(environmentFile).startsWith("/etc/mvtrx/" + command);

        List<String> execStart = List.of(unit.get("ExecStart").split(" +"));
        assertThat(execStart.subList(0, 2)).containsExactly(INSTALL + "/bin/mvtrx", command);
        String help = help(command);
        for (String word : execStart.subList(2, execStart.size())) {
            if (word.startsWith("--")) {
                assertThat(help).as("%s: ExecStart option %s of mvtrx %s", name, word, command)
                        .contains(word + "=");
            }
        }

        // the example environment file of the unit: every MVTRX_<COMMAND>_<OPTION> names an option of the command
        Path example = UNITS.resolve(command + ".env");
        Map<String, String> variables = variables(example);
        String prefix = "MVTRX_" + command.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        assertThat(variables).isNotEmpty();
        // the commented-out examples too: uncommenting one must not give an unknown variable, silently ignored
        List<String> names = new ArrayList<>(variables.keySet());
        for (String line : Files.readAllLines(example)) {
            if (line.matches("#MVTRX_[A-Z_]+=.*")) {
                names.add(line.substring(1, line.indexOf('=')));
            }
        }
        for (String variable : names) {
            if (variable.equals("MVTRX_JAVA_OPTS")) {
                continue;
            }
            assertThat(variable).as("%s: %s", example, variable).startsWith(prefix);
            String option = "--" + variable.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '-');
            assertThat(help).as("%s: %s is option %s of mvtrx %s", example, variable, option, command)
                    .contains(option + "=");
        }
    }

    /**
     * The example environment files as a service would get them, with only the paths that need root or another host
     * moved by flags (flags win over the environment): every value converts. The chain then serves and stops on
     * SIGTERM with exit 0; the validator and the miner get past option parsing and stop at their first real need,
     * the wallet (exit 1, not a usage error).
     */
    @ParameterizedTest
    @ValueSource(strings = {"validator", "miner", "chain", "gradient-server"})
    void theEnvironmentFileConfiguresTheCommand(String command) throws Exception {
        Map<String, String> environment = variables(UNITS.resolve(command + ".env"));
        // JVM options are no option of the command; the validator's (an 8 GB heap touched at start) fit its host,
        // not every machine the tests run on
        environment.remove("MVTRX_JAVA_OPTS");
        Path wallets = Files.createDirectories(temp.resolve("no-wallets"));
        List<String> args = new ArrayList<>(List.of(HOME.resolve("bin/mvtrx").toString(), command));
        switch (command) {
            case "chain" -> args.addAll(List.of("--dir", temp.resolve("chain").toString(), "--port", "0"));
            case "miner" -> args.addAll(List.of("--wallet-dir", wallets.toString(), "--agents-folder",
                    wallets.toString()));
            case "gradient-server" -> args.addAll(List.of("--state-dir", temp.resolve("gs").toString(), "--storage",
                    "fs", "--storage-param", "root=" + temp.resolve("bucket")));
            default -> args.addAll(List.of("--wallet-dir", wallets.toString()));
        }
        Path out = temp.resolve(command + ".out");
        Path err = temp.resolve(command + ".err");
        ProcessBuilder builder = new ProcessBuilder(args).directory(temp.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (command.equals("chain")) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.readString(out).contains(" serving on http://127.0.0.1:")) {
                    assertThat(process.isAlive()).as("the chain exited: %s", Files.readString(err)).isTrue();
                    assertThat(System.nanoTime()).as("the chain never served").isLessThan(deadline);
                    Thread.sleep(100);
                }
                process.destroy(); // SIGTERM, as systemd's KillSignal
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        String stderr = Files.readString(err);
        if (command.equals("chain")) {
            assertThat(process.exitValue()).as(stderr).isZero();
            assertThat(Files.readString(out)).endsWith("chain stopped\n");
        } else if (command.equals("gradient-server")) {
            // past option parsing, it stops at its first real need: the seed checkpoint the example names
            assertThat(process.exitValue()).as(stderr).isEqualTo(1);
            assertThat(stderr).doesNotContain("Invalid value", "Usage:", "Unknown option")
                    .contains("--checkpoint /var/lib/mvtrx/seed.ckpt is not a file");
        } else {
            assertThat(process.exitValue()).as(stderr).isEqualTo(1);
            assertThat(stderr).doesNotContain("Invalid value", "Usage:", "Unknown option").contains(wallets
                    .toString());
        }
    }

    private String help(String command) throws Exception {
        Run help = run(List.of(HOME.resolve("bin/mvtrx").toString(), command, "--help"));
        assertThat(help.exitCode()).as(help.output()).isZero();
        return help.output();
    }

    @Test
    void systemdAnalyzeVerifiesEveryUnit() throws Exception {
        Optional<Path> analyze = Stream.of("/usr/bin/systemd-analyze", "/bin/systemd-analyze").map(Path::of)
                .filter(Files::isExecutable).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(analyze.isPresent(), "systemd-analyze is not installed; "
                + "aUnitRunsTheLauncherWithOptionsItsCommandAccepts still checks the units");
        Path units = Files.createDirectories(temp.resolve("units"));
        List<String> command = new ArrayList<>(List.of(analyze.get().toString(), "verify"));
        for (String name : List.of("mvtrx-validator.service", "mvtrx-miner@.service", "mvtrx-chain.service",
                "mvtrx-gradient-server.service")) {
            String text = Files.readString(UNITS.resolve(name)).replace(INSTALL, HOME.toString());
            Files.writeString(units.resolve(name), text);
            command.add(units.resolve(name).toString());
        }
        // a template is verified as one of its instances too
        Files.writeString(units.resolve("mvtrx-miner@alice.service"),
                Files.readString(units.resolve("mvtrx-miner@.service")));
        command.add(units.resolve("mvtrx-miner@alice.service").toString());

        Run verify = run(command);

        assertThat(verify.exitCode()).as(verify.output()).isZero();
        // unknown keys and bad values are only warnings to systemd: none may appear
        assertThat(verify.output()).isEmpty();
    }
}
