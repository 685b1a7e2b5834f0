/** The simulator: discrete-event kernel, blocks of books advanced in parallel, the step loop. */
module io.mvtrx.runtime.simulator {
    requires transitive io.mvtrx.api;

    exports io.mvtrx.runtime.simulator.kernel;
}
