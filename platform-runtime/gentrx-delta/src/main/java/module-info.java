/** GenTRX model parameters as named float32 tensors, and the files that carry them (checkpoints, compressed deltas). */
module io.mvtrx.runtime.gentrx.delta {
    exports io.mvtrx.runtime.gentrx.delta;
    exports io.mvtrx.runtime.gentrx.delta.checkpoint;
    exports io.mvtrx.runtime.gentrx.delta.frame;
    exports io.mvtrx.runtime.gentrx.delta.gradient;
    exports io.mvtrx.runtime.gentrx.delta.json;
    exports io.mvtrx.runtime.gentrx.delta.version;
}
