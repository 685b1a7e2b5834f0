package io.mvtrx.runtime.gentrx.server.scoring;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.gentrx.delta.checkpoint.Checkpoint;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Supplies the {@link Evaluator} of a model implementation (the TensorFlow order model registers one); found with
 * {@link ServiceLoader} so the server does not depend on the model's module.
 */
public interface EvaluatorFactory {

    /** The implementation's name, as {@code --evaluator} selects it. */
    String name();

    /**
     * @param pages the validator's bucket the page keys are read from
     * @param seed  the starting checkpoint (its model configuration)
     */
    Evaluator create(StorageBackend pages, Checkpoint seed);

    /** Every factory installed on the module or class path. */
    static List<EvaluatorFactory> installed() {
        return ServiceLoader.load(EvaluatorFactory.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
