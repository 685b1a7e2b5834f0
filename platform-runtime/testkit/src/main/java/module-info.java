/** Test fixtures shared by plugin and runtime tests. */
module io.mvtrx.testkit {
    requires transitive io.mvtrx.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires java.xml;

    exports io.mvtrx.testkit;
    exports io.mvtrx.testkit.agents;
}
