/** The {@code mvtrx} command line (picocli): one command, one subcommand per job. */
module io.mvtrx.runtime.cli {
    requires io.mvtrx.runtime.plugins;
    requires io.mvtrx.runtime.config;
    requires io.mvtrx.runtime.exchange;
    requires io.mvtrx.runtime.wallet;
    requires io.mvtrx.runtime.bittensor.keys;
    requires io.mvtrx.runtime.chain;
    requires io.mvtrx.runtime.simulator;
    requires io.mvtrx.runtime.validator;
    requires io.mvtrx.runtime.wire;
    requires io.mvtrx.runtime.validator.node;
    requires io.mvtrx.runtime.dashboard;
    requires io.mvtrx.runtime.gentrx.server;
    requires io.mvtrx.runtime.gentrx.train;
    requires io.mvtrx.runtime.subtensor;
    requires info.picocli;
    requires jakarta.json;
    requires java.management;
    requires jdk.unsupported;

    exports io.mvtrx.runtime.cli;

    opens io.mvtrx.runtime.cli to info.picocli;
}
