/** The GenTRX object layout: the keys of data pages, gradients, proposals, deltas and checkpoints in a bucket. */
module io.mvtrx.runtime.gentrx.storage {
    requires io.mvtrx.api;

    exports io.mvtrx.runtime.gentrx.storage;
}
