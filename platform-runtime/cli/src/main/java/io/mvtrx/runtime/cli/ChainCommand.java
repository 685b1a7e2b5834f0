package io.mvtrx.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainBackendProvider;
import io.mvtrx.runtime.chain.ChainServer;
import io.mvtrx.runtime.plugins.PluginRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mvtrx chain}: serves a chain backend (default the embedded {@code local} chain) over HTTP so validators and
 * miners on several hosts share one chain. Runs until SIGINT/SIGTERM, which close the server and the backend and exit 0.
 */
@Command(name = "chain",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the chain over HTTP: registrations, stakes, validator permits, axons, weights, commitments and "
                    + "the block height. Writes must be signed by the hotkey they act for (see doc/chain.md).",
        },
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
final class ChainCommand implements Callable<Integer> {

    @ParentCommand
    private MvtrxCommand mvtrx;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceConfigFile configFile;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind. Default: ${DEFAULT-VALUE}.")
    private String host;

    @Option(names = "--port", defaultValue = "9944", description = "Port to bind (0: any free). Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--backend", defaultValue = "local",
            description = "Chain backend plugin to serve. Default: ${DEFAULT-VALUE}.")
    private String backend;

    @Option(names = "--dir", paramLabel = "DIR", description = "State directory of the local chain. Default: ~/.mvtrx/chain.")
    private Path dir;

    @Option(names = "--block-time-ms", paramLabel = "MS", description = "Milliseconds per block. Default: 12000.")
    private Long blockTimeMillis;

    @Option(names = "--max-uids", paramLabel = "N", description = "Uids per subnet. Default: 256.")
    private Integer maxUids;

    @Option(names = "--weights-rate-limit", paramLabel = "BLOCKS",
            description = "Blocks between two weight settings of a validator. Default: 100.")
    private Long weightsRateLimit;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Settings.Builder settings = Settings.builder("chain");
        if (dir != null) {
            settings.attribute("dir", dir.toString());
        }
        if (blockTimeMillis != null) {
            settings.attribute("blockTimeMillis", blockTimeMillis.toString());
        }
        if (maxUids != null) {
            settings.attribute("maxUids", maxUids.toString());
        }
        if (weightsRateLimit != null) {
            settings.attribute("weightsRateLimit", weightsRateLimit.toString());
        }
        ChainBackend chain;
        try (PluginRegistry registry = mvtrx.loadPlugins()) {
            mvtrx.printProblems(registry);
            ChainBackendProvider provider = registry.find(ChainBackendProvider.class, backend)
                    .orElseThrow(() -> new CommandFailedException("unknown chain backend '%s'; loaded: %s", backend,
                            String.join(", ", registry.names(io.mvtrx.api.spi.ExtensionPoint.CHAIN_BACKEND))));
            chain = provider.create(settings.build());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (ChainBackend backendToClose = chain; ChainServer server = ChainServer.start(chain, host, port)) {
            out.printf("chain (%s) serving on http://%s:%d/chain at block %d; health at /observe/health, metrics at "
                    + "/metrics%n", backend, host, server.port(), chain.blockHeight());
            out.flush();
            try (Termination signals = Termination.onSignal(stopped::countDown)) {
                stopped.await();
            }
        }
        out.println("chain stopped");
        out.flush();
        return ExitCodes.OK;
    }
}
