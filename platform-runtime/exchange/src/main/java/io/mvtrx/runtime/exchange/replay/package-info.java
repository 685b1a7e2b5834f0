/** The {@code replay} command's engine: JSON Lines of instructions in, JSON Lines of every outcome out. */
package io.mvtrx.runtime.exchange.replay;
