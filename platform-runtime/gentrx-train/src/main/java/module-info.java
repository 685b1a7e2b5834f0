/**
 * The TensorFlow order model bound to GenTRX's work: a miner's trainer, the gradient server's evaluator, and the
 * windows of tokenised pages as model batches.
 */
module io.mvtrx.runtime.gentrx.train {
    requires transitive io.mvtrx.runtime.gentrx.model;
    requires transitive io.mvtrx.runtime.gentrx.data;
    requires transitive io.mvtrx.runtime.gentrx.miner;
    requires transitive io.mvtrx.runtime.gentrx.server;

    exports io.mvtrx.runtime.gentrx.train;

    provides io.mvtrx.runtime.gentrx.server.scoring.EvaluatorFactory
            with io.mvtrx.runtime.gentrx.train.OrderModelEvaluators;
}
