package io.mvtrx.runtime.subtensor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The signed extensions of a runtime, checked once: every extension that carries bytes must be one this client knows
 * how to fill, or signing would produce transactions the node rejects (or worse, that mean something else).
 */
public final class SignedExtensions {

    /** Extensions that carry data, and what this client puts there. */
    static final Set<String> FILLED = Set.of("CheckSpecVersion", "CheckTxVersion", "CheckGenesis", "CheckMortality",
            "CheckEra", "CheckNonce", "ChargeTransactionPayment", "CheckMetadataHash");

    private final List<String> identifiers;

    private SignedExtensions(List<String> identifiers) {
        this.identifiers = List.copyOf(identifiers);
    }

    /**
     * Checks the runtime's extensions.
     *
     * @throws UnsupportedRuntimeException naming an unknown extension that carries data
     */
    public static SignedExtensions of(Metadata metadata, long specVersion) {
        if (metadata.extrinsicVersion() != 4) {
            throw new UnsupportedRuntimeException("runtime spec %d uses extrinsic format v%d; this client signs v4",
                    specVersion, metadata.extrinsicVersion());
        }
        List<String> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Metadata.SignedExtension e : metadata.signedExtensions()) {
            ids.add(e.identifier());
            boolean empty = metadata.isEmpty(e.type()) && metadata.isEmpty(e.additionalSigned());
            if (!FILLED.contains(e.identifier()) && !empty) {
                unknown.add(e.identifier());
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnsupportedRuntimeException("runtime spec %d has signed extension(s) %s that carry data this "
                    + "client does not know how to fill; refusing to sign transactions (known: %s)", specVersion,
                    String.join(", ", unknown), String.join(", ", FILLED.stream().sorted().toList()));
        }
        return new SignedExtensions(ids);
    }

    /** The identifiers in order. */
    public List<String> identifiers() {
        return identifiers;
    }

    /** The explicit bytes ("extra") and implicit bytes ("additional signed") of one transaction. */
    public record Parts(byte[] extra, byte[] additional) {
    }

    /** The bytes of every extension, in metadata order. */
    public Parts encode(TransactionContext tx) {
        ScaleWriter extra = new ScaleWriter();
        ScaleWriter additional = new ScaleWriter();
        for (String id : identifiers) {
            switch (id) {
                case "CheckSpecVersion" -> additional.u32(tx.specVersion());
                case "CheckTxVersion" -> additional.u32(tx.transactionVersion());
                case "CheckGenesis" -> additional.raw(tx.genesisHash());
                case "CheckMortality", "CheckEra" -> {
                    extra.raw(tx.era().encode());
                    additional.raw(tx.birthHash());
                }
                case "CheckNonce" -> extra.compact(tx.nonce());
                case "ChargeTransactionPayment" -> extra.compact(tx.tip());
                case "CheckMetadataHash" -> {
                    extra.u8(0); // mode: disabled
                    additional.u8(0); // no metadata hash
                }
                default -> {
                    // checked empty when the runtime was read
                }
            }
        }
        return new Parts(extra.toBytes(), additional.toBytes());
    }

    /**
     * What one transaction's extensions sign.
     *
     * @param birthHash hash of the era's birth block
     */
    public record TransactionContext(long specVersion, long transactionVersion, byte[] genesisHash, Era era,
                                     byte[] birthHash, long nonce, long tip) {
    }
}
