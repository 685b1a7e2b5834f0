package io.mvtrx.api.spi.chain;

/**
 * One registered uid on a subnet.
 *
 * @param uid             slot
 * @param hotkey          public key (hex or SS58, as the backend writes it)
 * @param stake           stake, in the chain's smallest unit
 * @param validatorPermit whether it may set weights and query miners
 * @param axon            {@code host:port} it serves on, or empty
 * @param registeredAt    block of registration
 */
public record Neuron(int uid, String hotkey, long stake, boolean validatorPermit, String axon, long registeredAt) {
}
