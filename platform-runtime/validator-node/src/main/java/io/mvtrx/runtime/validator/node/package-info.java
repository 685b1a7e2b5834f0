/** The validator loop over a simulation: transports to miners, response screening, scoring adapter, checkpoint. */
package io.mvtrx.runtime.validator.node;
