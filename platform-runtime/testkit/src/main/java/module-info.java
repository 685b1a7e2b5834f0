/** Test fixtures shared by plugin and runtime tests. */
module io.mvtrx.testkit {
    requires transitive io.mvtrx.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires java.compiler;
    requires java.xml;

    exports io.mvtrx.testkit;
    exports io.mvtrx.testkit.agents;
    exports io.mvtrx.testkit.balances;
    exports io.mvtrx.testkit.book;
    exports io.mvtrx.testkit.fees;
    exports io.mvtrx.testkit.plugins;
    exports io.mvtrx.testkit.process;
    exports io.mvtrx.testkit.storage;
    exports io.mvtrx.testkit.trading;
}
