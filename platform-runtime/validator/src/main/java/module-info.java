/** The validator: trade accounting (FIFO realized P&L), the scoring pipeline and weights. */
module io.mvtrx.runtime.validator {
    requires transitive io.mvtrx.api;

    exports io.mvtrx.runtime.validator.scoring;
}
