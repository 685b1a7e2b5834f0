package io.mvtrx.distribution;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.trading.support.Instructions;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.plugin.chain.local.LocalChainProvider;
import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletStore;
import io.mvtrx.runtime.wire.validator.Fanout;
import io.mvtrx.runtime.wire.validator.FanoutConfig;
import io.mvtrx.runtime.wire.validator.MinerResult;
import io.mvtrx.runtime.wire.validator.MinerTarget;
import io.mvtrx.runtime.wire.validator.Step;
import io.mvtrx.testkit.plugins.PluginJarBuilder;
import io.mvtrx.testkit.trading.TradingStates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the unpacked distribution ({@code target/mvtrx-VERSION/bin/mvtrx}) as a real process, on the module path,
 * as a user would. Paths come from failsafe system properties set in the pom.
 */
class DistributionIT {

    private static final Path HOME = Path.of(System.getProperty("mvtrx.distribution", "target/mvtrx-0.1.0"))
            .toAbsolutePath();
    private static final Path TARBALL = Path.of(System.getProperty("mvtrx.tarball", "target/mvtrx-0.1.0.tar.gz"))
            .toAbsolutePath();
    private static final Path LAUNCHER = HOME.resolve("bin/mvtrx");

    @TempDir
    Path temp;

    /** Exit code and output of one process run. */
    record Run(int exitCode, String out, String err) {
    }

    private Run run(Path workingDirectory, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return run(workingDirectory, environment, 120, args);
    }

    private Run run(Path workingDirectory, Map<String, String> environment, int timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(args[0]);
        command.addAll(List.of(args).subList(1, args.length));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/mvtrx did not finish: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Run mvtrx(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return run(temp, Map.of(), command.toArray(String[]::new));
    }

    /** The Plugin-Id of every JAR in lib/ that has one: the built-in plugins. */
    private static Set<String> builtInPluginIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> jars = Files.list(HOME.resolve("lib"))) {
            for (Path jar : jars.toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    Manifest manifest = file.getManifest();
                    String id = manifest == null ? null : manifest.getMainAttributes().getValue("Plugin-Id");
                    if (id != null) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    @Test
    void hasTheDocumentedLayout() throws IOException {
        assertThat(LAUNCHER).isExecutable();
        assertThat(Files.getPosixFilePermissions(LAUNCHER)).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(HOME.resolve("lib/mvtrx-cli-0.1.0.jar")).isRegularFile();
        assertThat(HOME.resolve("plugins/README.txt")).isRegularFile();
        assertThat(HOME.resolve("agents/README.txt")).isRegularFile();
        assertThat(HOME.resolve("lib/mvtrx-agent-random-maker-0.1.0.jar")).isRegularFile();
        assertThat(HOME.resolve("conf/simulation.xml")).content().contains("<Simulation");
        assertThat(HOME.resolve("conf/logging.properties")).isRegularFile();
        assertThat(HOME.resolve("doc/architecture.md")).isRegularFile();
        assertThat(HOME.resolve("LICENSES/Apache-2.0.txt")).isRegularFile();
    }

    @Test
    void libIsAValidModulePath() {
        Set<ModuleReference> modules = ModuleFinder.of(HOME.resolve("lib")).findAll();
        Set<String> names = modules.stream().map(reference -> reference.descriptor().name())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(names).contains("io.mvtrx.api", "io.mvtrx.runtime.plugins", "io.mvtrx.runtime.cli", "org.pf4j",
                "info.picocli", "org.slf4j", "org.slf4j.jul", "io.mvtrx.runtime.bittensor.keys",
                "cafe.cryptography.curve25519_elisabeth", "org.bouncycastle.provider");
        try (Stream<Path> jars = listQuietly(HOME.resolve("lib"))) {
            assertThat(modules).hasSize((int) jars.count());
        }
    }

    private static Stream<Path> listQuietly(Path dir) {
        try {
            return Files.list(dir);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void helpListsThePluginsCommandAndTheExitCodes() throws Exception {
        Run run = mvtrx("--help");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("Usage: mvtrx").containsPattern("(?m)^  plugins +Lists every plugin")
                .contains("Exit codes:");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void pluginsListsEveryBuiltInPluginOfLib() throws Exception {
        Set<String> expected = builtInPluginIds();

        Run run = mvtrx("plugins");

        assertThat(expected).contains("mvtrx-matching-pricetime", "mvtrx-matching-prorata", "mvtrx-fee-policies",
                "mvtrx-price-processes", "mvtrx-balance-distributions", "mvtrx-background-agents");
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.err()).isEmpty();
        for (String id : expected) {
            assertThat(run.out()).containsPattern("(?m)^" + id + " +0\\.1\\.0 +built-in +loaded ");
        }
        assertThat(run.out()).contains("plugins folder: " + HOME.resolve("plugins"));
    }

    @Test
    void loadsFolderPluginsOnTheModulePathAndReportsBrokenOnesInOneLine() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        PluginJarBuilder.plugin("flat-fees")
                .feePolicyProvider("com.example.flat.FlatFees", "flat-test")
                .writeTo(plugins.resolve("flat.jar"));
        PluginJarBuilder.writeCorrupt(plugins.resolve("corrupt.jar"));

        Run run = mvtrx("--plugins-dir", plugins.toString(), "plugins", "--verbose");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).containsPattern("(?m)^flat-fees +1\\.0\\.0 +folder +loaded +fee policy: flat-test$")
                .contains("      rate (decimal, default 0): flat rate for both sides");
        assertThat(run.err()).isEqualTo("plugins/corrupt.jar: not a JAR: zip END header not found\n");
    }

    @Test
    void runsFromAnywhereThroughASymlinkIgnoringAJavaHomeWithoutJava() throws Exception {
        Path link = temp.resolve("elsewhere/mvtrx");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, LAUNCHER);
        // no usable JAVA_HOME: the launcher must find Java 25 in /usr/lib/jvm or, failing that, on PATH
        Map<String, String> environment = Map.of(
                "JAVA_HOME", temp.resolve("no-java-here").toString(),
                "PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");

        Run run;
        try {
            run = run(temp, environment, link.toString(), "--version");
        } finally {
            Files.delete(link);
        }

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).startsWith("mvtrx 0.1.0\nplatform API 0.1.0\nJava 25");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void usageErrorExitsWithTwo() throws Exception {
        Run run = mvtrx("no-such-command");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unmatched argument at index 0: 'no-such-command'");
    }

    @Test
    void tarballHoldsTheSameTreeUnderOneTopFolder() throws Exception {
        Run run = run(temp, Map.of(), "tar", "-tvzf", TARBALL.toString());

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).containsPattern("(?m)^-rwxr-xr-x .* mvtrx-0\\.1\\.0/bin/mvtrx$")
                .contains("mvtrx-0.1.0/lib/mvtrx-cli-0.1.0.jar", "mvtrx-0.1.0/plugins/README.txt",
                        "mvtrx-0.1.0/agents/README.txt",
                        "mvtrx-0.1.0/conf/simulation.xml", "mvtrx-0.1.0/doc/architecture.md");
        assertThat(run.out().lines().map(line -> line.substring(line.lastIndexOf(' ') + 1)))
                .allMatch(path -> path.startsWith("mvtrx-0.1.0/"));
    }

    @Test
    void configValidateAcceptsTheLiveConfigurationAndPrintsItsSummary() throws Exception {
        Run run = mvtrx("config", "validate", HOME.resolve("conf/simulation.xml").toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("128", "PriceTime", "dynamic", "StylizedTraderAgent", "1000",
                "InitializationAgent", "500")
                .endsWith(HOME.resolve("conf/simulation.xml") + ": valid\n");
    }

    @Test
    void configValidateReportsAMisspelledAgentWithItsPathAndTheLoadedNames() throws Exception {
        Path copy = temp.resolve("misspelled.xml");
        Files.writeString(copy, Files.readString(HOME.resolve("conf/simulation.xml"))
                .replace("<StylizedTraderAgent", "<StylisedTraderAgent")
                .replace("</StylizedTraderAgent>", "</StylisedTraderAgent>"));

        Run run = mvtrx("config", "validate", copy.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).containsPattern(copy + ": line \\d+: /Simulation/Agents/StylisedTraderAgent: "
                        + "unknown background-agent model 'StylisedTraderAgent'; loaded: .*StylizedTraderAgent")
                .endsWith("mvtrx: " + copy + ": 1 problem\n");
    }

    /** Issue 2 item 8: a fee policy built now, dropped in a plugins folder, and the config resolves to it. */
    @Test
    void aFeePolicyDroppedInThePluginsFolderIsUsedByTheConfigurationWithoutCoreChanges() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("plugins"));
        PluginJarBuilder.plugin("acme-flat-fees")
                .feePolicyProvider("com.acme.fees.FlatFees", "acme-flat")
                .writeTo(folder.resolve("acme-flat-fees.jar"));
        Path config = temp.resolve("acme.xml");
        String live = Files.readString(HOME.resolve("conf/simulation.xml"));
        int start = live.indexOf("<FeePolicy");
        int end = live.indexOf("/>", start) + 2;
        Files.writeString(config, live.substring(0, start) + "<FeePolicy type=\"acme-flat\"/>" + live.substring(end));

        Run without = mvtrx("config", "validate", config.toString());
        Run with = mvtrx("--plugins-dir", folder.toString(), "config", "validate", config.toString());

        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(without.err()).contains("unknown fee policy 'acme-flat'");
        assertThat(with.err()).isEmpty();
        assertThat(with.exitCode()).isEqualTo(0);
        assertThat(with.out()).contains("acme-flat").endsWith(config + ": valid\n");
    }

    @Test
    void walletCreateAndListRoundTrip() throws Exception {
        Path wallets = temp.resolve("wallets");
        Run create = mvtrx("wallet", "create", "--name", "validator", "--hotkey", "default",
                "--wallet-dir", wallets.toString());
        Run list = mvtrx("wallet", "list", "--wallet-dir", wallets.toString());
        Run again = mvtrx("wallet", "create", "--name", "validator", "--wallet-dir", wallets.toString());

        assertThat(create.exitCode()).isEqualTo(0);
        assertThat(create.out()).containsPattern("(?m)^coldkey validator  [0-9a-f]{64}$")
                .containsPattern("(?m)^hotkey  validator/default  [0-9a-f]{64}$");
        assertThat(list.out()).containsPattern("(?m)^validator  [0-9a-f]{64}\n  default  [0-9a-f]{64}$");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("mvtrx: coldkey 'validator' already exists in " + wallets + "\n");
    }

    @Test
    void sr25519WalletImportAndListRunOnTheModulePath() throws Exception {
        Path wallets = temp.resolve("bittensor");
        Path phrase = Files.writeString(temp.resolve("phrase.txt"),
                "bottom drive obey lake curtain smoke basket hold race lonely fit walk\n");
        Run imported = mvtrx("wallet", "import", "--name", "dev", "--hotkey", "default", "--mnemonic-file",
                phrase.toString(), "--path", wallets.toString());
        Run list = mvtrx("wallet", "list", "--scheme", "sr25519", "--path", wallets.toString());

        assertThat(imported.err()).isEmpty();
        assertThat(imported.out()).isEqualTo("hotkey  dev/default  5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV\n");
        assertThat(list.out()).isEqualTo("dev  (no coldkeypub.txt)\n  default  "
                + "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV\n");
    }

    @Test
    void replayFeedsAnOrderStreamThroughTheConfiguredExchange() throws Exception {
        Path orders = temp.resolve("orders.jsonl");
        Files.writeString(orders, String.join("\n",
                "{\"t\":0,\"agent\":1,\"op\":\"deposit\",\"book\":0,\"base\":\"100\",\"quote\":\"30000\"}",
                "{\"t\":0,\"agent\":2,\"op\":\"deposit\",\"book\":0,\"base\":\"100\",\"quote\":\"30000\"}",
                "{\"t\":1,\"agent\":1,\"op\":\"limit\",\"book\":0,\"side\":\"sell\",\"price\":\"300.10\",\"volume\":\"1.5\"}",
                "{\"t\":5,\"agent\":2,\"op\":\"market\",\"book\":0,\"side\":\"buy\",\"volume\":\"150.05\",\"currency\":\"quote\"}",
                "{\"t\":6,\"agent\":2,\"op\":\"limit\",\"book\":0,\"side\":\"buy\",\"price\":\"299\",\"volume\":\"1\",\"tif\":\"FOK\"}",
                "{\"t\":7,\"agent\":2,\"op\":\"limit\",\"book\":0,\"side\":\"buy\",\"price\":\"abc\",\"volume\":\"1\"}",
                ""));

        Run run = mvtrx("replay", "--config", HOME.resolve("conf/simulation.xml").toString(),
                "--orders", orders.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("line 6: field 'price': expected a decimal string, got \"abc\"\n");
        assertThat(run.out()).contains(
                "{\"type\":\"trade\",\"t\":5,\"book\":0,\"tradeId\":0,\"side\":\"buy\",\"price\":\"300.1\","
                        + "\"volume\":\"0.5\",\"makerOrderId\":0,\"takerOrderId\":1,\"makerAgent\":1,\"takerAgent\":2,"
                        + "\"makerFee\":\"0\",\"takerFee\":\"0.0345115\"}",
                "{\"type\":\"rejected\",\"t\":6,\"agent\":2,\"book\":0,\"op\":\"limit\",\"reason\":\"CONTRACT_VIOLATION\","
                        + "\"side\":\"buy\"}",
                "{\"type\":\"book\",\"book\":0,\"bids\":[],\"asks\":[[\"300.1\",\"1\"]]}");
        // The live configuration's exchange has 16 books per block: one book line each.
        assertThat(run.out().lines().filter(line -> line.startsWith("{\"type\":\"book\"")).count()).isEqualTo(16);
    }

    @Test
    void minerHelpListsItsOptions() throws Exception {
        Run run = mvtrx("miner", "--help");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("Usage: mvtrx miner", "--agent=NAME", "--agent-params=KEY=VALUE",
                "--agents-folder=DIR", "Exit codes:");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void minerRefusesAnUnknownAgentNamingTheExampleAgents() throws Exception {
        Path wallets = temp.resolve("wallets");
        new WalletStore(wallets).createColdkey("owner");
        new WalletStore(wallets).createHotkey("owner", "miner");

        Run run = mvtrx("miner", "--wallet-dir", wallets.toString(), "--wallet", "owner", "--hotkey", "miner",
                "--agent", "RandomMakerAgnet", "--chain-dir", temp.resolve("chain").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("mvtrx: unknown trading agent 'RandomMakerAgnet'; loaded: InventoryMakerAgent, "
                + "RandomMakerAgent, RandomTakerAgent, SimpleRegressorAgent\n");
    }

    /**
     * The miner on the module path: a validator queries it over gRPC and gets the example agent's exact quotes;
     * SIGTERM then stops it cleanly.
     */
    @Test
    void minerServesABuiltInAgentOnTheModulePathAndStopsOnSigterm() throws Exception {
        Path wallets = temp.resolve("wallets");
        WalletStore store = new WalletStore(wallets);
        store.createColdkey("owner");
        Keypair validator = store.createHotkey("owner", "validator");
        Keypair miner = store.createHotkey("owner", "miner");
        Path chainDir = temp.resolve("chain");
        int uid;
        try (ChainBackend chain = new LocalChainProvider().create(Settings.builder("chain")
                .attribute("dir", chainDir.toString()).build())) {
            chain.register(79, validator.address(), "owner");
            chain.addStake(79, validator.address(), 1_000);
            uid = chain.register(79, miner.address(), "owner").uid();
        }
        Path out = temp.resolve("miner.out");
        Path err = temp.resolve("miner.err");
        Process process = new ProcessBuilder(LAUNCHER.toString(), "miner", "--wallet-dir", wallets.toString(),
                "--wallet", "owner", "--hotkey", "miner", "--agent", "InventoryMakerAgent", "--host", "127.0.0.1",
                "--port", "0", "--chain-dir", chainDir.toString(), "--agent-timeout-ms", "30000")
                .directory(temp.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            Matcher serving = awaitLine(out, Pattern.compile("serving InventoryMakerAgent on 127\\.0\\.0\\.1:(\\d+) "),
                    process, err);
            int port = Integer.parseInt(serving.group(1));
            List<MinerResult> results;
            // Generous deadlines: the first call warms up gRPC on both sides, slow on a busy build machine.
            try (Fanout fanout = new Fanout(validator,
                    FanoutConfig.DEFAULTS.withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(40)),
                    InstantSource.system())) {
                var state = TradingStates.state(5_000_000_000L)
                        .book(TradingStates.book(0).bid(29_990, 3 * TradingStates.BASE).ask(30_010, TradingStates.BASE))
                        .account(TradingStates.account(uid, 0).base(10 * TradingStates.BASE)
                                .quote(3_000 * TradingStates.QUOTE))
                        .build();
                MinerTarget target = new MinerTarget(uid, miner.address(), "127.0.0.1", port);
                results = fanout.query(new Step(state.timestamp(), state.simulation(), state.books(),
                        Map.of(uid, state.accounts()), Map.of(uid, List.<Notice>of())), List.of(target));
            }

            assertThat(results).singleElement().as("%s; miner stderr: %s", results, Files.readString(err))
                    .extracting(MinerResult::response).isEqualTo(new AgentResponse(uid,
                    List.of(Instructions.limit(0, Side.BUY, 29_985, TradingStates.BASE).postOnly().build(),
                            Instructions.limit(0, Side.SELL, 30_015, TradingStates.BASE).postOnly().build())));
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the miner stops on SIGTERM").isTrue();
        assertThat(process.exitValue()).as("SIGTERM is a clean stop: exit 0").isEqualTo(0);
        assertThat(Files.readString(out)).endsWith("miner stopped\n");
        assertThat(Files.readString(err)).isEmpty();
    }

    /** Waits (up to 60 s) for a line of {@code file} matching {@code pattern}; fails if the process exits first. */
    private static Matcher awaitLine(Path file, Pattern pattern, Process process, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(Files.readString(file));
            if (matcher.find()) {
                return matcher;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the miner exited with " + process.exitValue() + ": "
                        + Files.readString(err));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line matching " + pattern + " in " + Files.readString(file));
    }

    /**
     * Issue 5's acceptance, on the unpacked distribution: {@code mvtrx localnet --duration 10m} with the default
     * miners and example agents completes and sets weights on its chain.
     */
    @Test
    void localnetOfTenMinutesCompletesAndSetsWeights() throws Exception {
        Path out = temp.resolve("localnet");
        Run run = run(temp, Map.of(), 600, LAUNCHER.toString(), "localnet", "--duration", "10m", "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.err()).contains("localnet: grace period 00:02:00 (the configuration's 00:10:00 scaled to a "
                + "fifth of --duration)", "8 miners (RandomMakerAgent, RandomTakerAgent, SimpleRegressorAgent, "
                + "InventoryMakerAgent, RandomMakerAgent, RandomTakerAgent, SimpleRegressorAgent, InventoryMakerAgent)");
        assertThat(run.out()).contains("481 publishes in ").containsPattern("weights set [1-9][0-9]* times");
        String summary = Files.readString(out.resolve("summary.json"));
        java.util.regex.Matcher weights = java.util.regex.Pattern.compile("\"weights\": \\{([^}]*)}").matcher(summary);
        assertThat(weights.find()).as(summary).isTrue();
        double total = 0;
        for (String entry : weights.group(1).split(",")) {
            total += Double.parseDouble(entry.substring(entry.indexOf(':') + 1).strip());
        }
        assertThat(total).as(summary).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
    }
}
