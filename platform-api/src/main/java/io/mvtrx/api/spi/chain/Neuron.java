package io.mvtrx.api.spi.chain;

/**
 * One registered uid on a subnet.
 *
 * @param uid             slot
 * @param hotkey          public key (hex for local wallets, SS58 on Bittensor)
 * @param coldkey         owner key
 * @param stake           stake, in the chain's smallest unit
 * @param validatorPermit whether it may set weights and query miners
 * @param axon            {@code host:port} it serves on, or empty
 * @param registeredAt    block of registration
 * @param lastUpdate      block of its last weights, 0 if never
 */
public record Neuron(int uid, String hotkey, String coldkey, long stake, boolean validatorPermit, String axon,
                     long registeredAt, long lastUpdate) {
}
