package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainBackendProvider;
import io.mvtrx.runtime.plugins.PluginRegistry;
import io.mvtrx.runtime.wallet.WalletStore;
import io.mvtrx.runtime.wire.miner.MinerConfig;
import io.mvtrx.runtime.wire.miner.MinerServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mvtrx bench fanout-miners} (hidden): the miners' half of {@code mvtrx bench fanout --miners-process}, run in
 * the child JVM. It serves the hotkeys {@code miner-0 .. miner-(N-1)} of the bench wallet, looks callers up on the
 * bench's local chain (opened read-only: the parent registered everyone and publishes the axons), prints one line
 * {@code miner I PORT} per miner and then {@code ready}, and stops when its standard input closes (the parent
 * closes it, or dies).
 */
@Command(name = "fanout-miners", hidden = true,
        description = "The miners of 'bench fanout --miners-process', in their own JVM.")
final class BenchMiners implements Callable<Integer> {

    /** The line printed once every miner serves. */
    static final String READY = "ready";

    @ParentCommand
    private BenchCommand bench;

    @Spec
    private CommandSpec spec;

    @Option(names = "--chain-dir", required = true, paramLabel = "DIR")
    private Path chainDir;

    @Option(names = "--wallets", required = true, paramLabel = "DIR")
    private Path walletsDir;

    @Option(names = "--miners", required = true, paramLabel = "N")
    private int miners;

    @Option(names = "--netuid", required = true, paramLabel = "N")
    private int netuid;

    @Option(names = "--agent", required = true, paramLabel = "NAME")
    private String agent;

    @Option(names = "--agent-timeout-ns", required = true, paramLabel = "NS")
    private long agentTimeoutNanos;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        MvtrxCommand mvtrx = bench.mvtrx;
        List<MinerServer> servers = new ArrayList<>();
        try (PluginRegistry registry = mvtrx.loadPlugins();
             ChainBackend chain = registry.require(ChainBackendProvider.class, "local").create(
                     Settings.builder("chain").attribute("dir", chainDir.toString()).build())) {
            WalletStore wallets = new WalletStore(walletsDir);
            try {
                for (int i = 0; i < miners; i++) {
                    String hotkey = wallets.hotkey(BenchCommand.COLDKEY, "miner-" + i).address();
                    MinerServer server = MinerServer.start(MinerConfig.defaults(hotkey, netuid)
                                    .withAddress("127.0.0.1", 0).withAgentTimeout(Duration.ofNanos(agentTimeoutNanos)),
                            NodeParts.agent(registry, agent, List.of(), false), chain, InstantSource.system());
                    servers.add(server);
                    stdout.printf(Locale.ROOT, "miner %d %d%n", i, server.port());
                }
                stdout.println(READY);
                stdout.flush();
                drain(mvtrx.input());
            } finally {
                BenchCommand.Fanout.closeAll(servers, spec.commandLine().getErr());
            }
        }
        return ExitCodes.OK;
    }

    /** Blocks until the parent closes our standard input. */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // nothing is sent on it; end of stream is the signal
        }
    }
}
