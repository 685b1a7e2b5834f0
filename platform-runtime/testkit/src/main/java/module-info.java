/** Test fixtures shared by plugin and runtime tests. */
module io.mvtrx.testkit {
    requires transitive io.mvtrx.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;

    exports io.mvtrx.testkit;
    exports io.mvtrx.testkit.book;
    exports io.mvtrx.testkit.fees;
}
