/** The GenTRX order model (reference architecture) as a TensorFlow graph: forward, weighted soft-target loss, AdamW. */
module io.mvtrx.runtime.gentrx.model {
    requires transitive io.mvtrx.runtime.gentrx.delta;
    requires tensorflow;
    requires tensorflow.nativelib;
    requires org.tensorflow.ndarray;

    exports io.mvtrx.runtime.gentrx.model;
}
