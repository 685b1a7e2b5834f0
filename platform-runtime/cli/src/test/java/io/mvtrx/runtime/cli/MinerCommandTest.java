package io.mvtrx.runtime.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.spi.trading.TradingAgentProvider;
import io.mvtrx.runtime.wallet.WalletStore;
import io.mvtrx.testkit.plugins.PluginJarBuilder;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvtrx miner} up to the point where it would open the chain: options, wallet, agent look-up and parameters.
 * No built-in agent is on this class path; agents come from JARs built into the agents folder. Serving is covered by
 * {@code MinerCommandIT}.
 */
class MinerCommandTest {

    @TempDir
    Path temp;

    private Path home;
    private Path wallets;

    record Run(int exitCode, String out, String err) {
    }

    /** Source of a folder agent that joins book 0's best bid with one lot and declares one parameter. */
    static String echoBidAgentSource() {
        return """
                package com.example.agents;

                import io.mvtrx.api.order.Side;
                import io.mvtrx.api.settings.Parameter;
                import io.mvtrx.api.settings.ParameterSchema;
                import io.mvtrx.api.settings.ParameterType;
                import io.mvtrx.api.settings.Settings;
                import io.mvtrx.api.spi.trading.TradingAgent;
                import io.mvtrx.api.spi.trading.TradingAgentProvider;
                import io.mvtrx.api.spi.trading.support.BookView;
                import io.mvtrx.api.spi.trading.support.Instructions;
                import io.mvtrx.api.spi.trading.support.ResponseBuilder;
                import io.mvtrx.api.spi.trading.support.StateView;
                import io.mvtrx.api.spi.trading.support.TradingAgentBase;

                public class EchoBidAgentProvider implements TradingAgentProvider {
                    public EchoBidAgentProvider() {
                    }

                    @Override public String name() { return "EchoBidAgent"; }

                    @Override public String description() { return "joins the best bid of book 0"; }

                    @Override public ParameterSchema parameters() {
                        return ParameterSchema.of(Parameter.optional("lots", ParameterType.INTEGER, "10000", "size"));
                    }

                    @Override public TradingAgent create(Settings settings) {
                        long lots = settings.longValue("lots", 10_000);
                        return new TradingAgentBase() {
                            @Override protected void act(StateView state, ResponseBuilder response) {
                                BookView book = state.book(0);
                                if (book.hasBid()) {
                                    response.add(Instructions.limit(0, Side.BUY, book.bestBid(), lots).build());
                                }
                            }
                        };
                    }
                }
                """;
    }

    /** Writes the EchoBidAgent plugin JAR into {@code folder}. */
    static Path writeEchoBidAgent(Path folder) {
        return PluginJarBuilder.plugin("echo-bid-agent")
                .source("com.example.agents.EchoBidAgentProvider", echoBidAgentSource())
                .service(TradingAgentProvider.class, "com.example.agents.EchoBidAgentProvider")
                .writeTo(folder.resolve("echo-bid-agent.jar"));
    }

    @BeforeEach
    void installation() throws Exception {
        home = Files.createDirectories(temp.resolve("home"));
        Files.createDirectories(home.resolve("plugins"));
        writeEchoBidAgent(Files.createDirectories(home.resolve("agents")));
        wallets = temp.resolve("wallets");
        WalletStore store = new WalletStore(wallets);
        store.createColdkey("owner");
        store.createHotkey("owner", "miner");
    }

    private Run run(String... args) {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(MinerCommandTest.class.getClassLoader(),
                Map.of("MVTRX_HOME", home.toString())));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Run miner(String... extra) {
        List<String> args = new ArrayList<>(List.of("miner", "--wallet-dir", wallets.toString(), "--wallet", "owner",
                "--hotkey", "miner", "--chain-dir", temp.resolve("chain").toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    @Test
    void helpListsTheOptionsAndTheExitCodes() {
        Run run = run("miner", "--help");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("Usage: mvtrx miner", "--agent=NAME", "--agent-params=KEY=VALUE",
                "--agents-folder=DIR", "--chain=URL", "--chain-dir=DIR", "--register", "Exit codes:",
                "  1   validation or operation failed (reason on stderr)");
        assertThat(run("--help").out()).containsPattern("(?m)^  miner +Serves a trading agent");
    }

    @Test
    void anUnknownAgentIsOneLineNamingTheLoadedAgents() {
        Run run = miner("--agent", "RandomMakerAgnet");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("mvtrx: unknown trading agent 'RandomMakerAgnet'; loaded: EchoBidAgent\n");
    }

    @Test
    void agentsComeFromTheFolderGivenInsteadOfTheInstallationOne() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        Run run = miner("--agent", "EchoBidAgent", "--agents-folder", empty.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("mvtrx: unknown trading agent 'EchoBidAgent'; loaded: none\n");
    }

    @Test
    void agentParametersAreCheckedAgainstTheAgentsSchema() {
        Run typo = miner("--agent", "EchoBidAgent", "--agent-params", "lot=5", "lots=abc");

        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.err()).isEqualTo("mvtrx: --agent-params: /EchoBidAgent: unknown parameter 'lot'; declared: "
                + "lots; /EchoBidAgent: attribute 'lots' must be an integer, got 'abc'\n");
    }

    @Test
    void aChainBackendThatIsNotInstalledIsNamedWithTheLoadedOnes() {
        // the local chain plugin is not on this class path; the runtime's remote and subtensor backends are
        Run run = miner("--agent", "EchoBidAgent", "--agent-params", "lots=5");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("mvtrx: chain backend 'local' is not loaded; loaded: remote, subtensor\n");
    }

    @Test
    void aMissingWalletIsNamed() {
        Run run = run("miner", "--wallet-dir", wallets.toString(), "--wallet", "nobody", "--hotkey", "miner",
                "--agent", "EchoBidAgent");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("mvtrx: wallet: ").contains("nobody");
    }

    @Test
    void usageErrorsExitWithTwo() {
        Run both = miner("--agent", "EchoBidAgent", "--chain", "http://127.0.0.1:9944");
        Run noEquals = miner("--agent", "EchoBidAgent", "--agent-params", "seed");
        Run noAgent = run("miner", "--wallet", "owner", "--hotkey", "miner");
        Run folder = miner("--agent", "EchoBidAgent", "--agents-folder", temp.resolve("missing").toString());

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(noEquals.exitCode()).isEqualTo(2);
        assertThat(noAgent.exitCode()).isEqualTo(2);
        assertThat(noAgent.err()).contains("Missing required option: '--agent=NAME'");
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).startsWith("--agents-folder " + temp.resolve("missing") + ": not a directory");
    }
}
