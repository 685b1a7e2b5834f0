/**
 * The simulator: the discrete-event kernel, blocks of books advanced in parallel, the step loop with publications
 * to remote agents, the binary L3 event log and the Parquet logs, and the stylized facts and plots computed from the
 * event log. Plugins are resolved by name through a plugin catalog; no plugin class is imported.
 */
module io.mvtrx.runtime.simulator {
    requires transitive io.mvtrx.api;
    requires transitive io.mvtrx.runtime.config;
    requires transitive io.mvtrx.runtime.plugins;
    requires io.mvtrx.runtime.exchange;
    requires transitive io.mvtrx.runtime.parquet;
    requires java.desktop;

    exports io.mvtrx.runtime.simulator;
    exports io.mvtrx.runtime.simulator.checkpoint;
    exports io.mvtrx.runtime.simulator.kernel;
    exports io.mvtrx.runtime.simulator.log;
    exports io.mvtrx.runtime.simulator.report;
}
