package io.mvtrx.runtime.gentrx.miner.commitment;

import java.util.Objects;
import java.util.Optional;

/**
 * A bucket's read credentials as committed on chain (gentrx.md §3.7): exactly {@value #LENGTH} ASCII characters,
 * {@code account_id} right-padded with spaces to {@value #ACCOUNT_ID_LENGTH}, then {@code access_key_id}
 * ({@value #ACCESS_KEY_LENGTH}) and {@code secret_access_key} ({@value #SECRET_KEY_LENGTH}). Read credentials are
 * public by design, yet {@link #toString()} still masks the secret so that it never lands in a log line by habit.
 *
 * {@snippet :
 * var commitment = new BucketCommitment(accountId, readKeyId, readSecret);
 * String text = commitment.encode();                    // what set_commitment stores
 * S3Bucket bucket = BucketCommitment.decode(text).bucket(Optional.empty());
 * }
 *
 * @param accountId       the provider account (R2: 32 hex digits; {@code storj:<bucket>}; else a Hippius account)
 * @param accessKeyId     the read key id, exactly 32 characters
 * @param secretAccessKey the read secret, exactly 64 characters
 */
public record BucketCommitment(String accountId, String accessKeyId, String secretAccessKey) {

    /** Characters of a whole commitment. */
    public static final int LENGTH = 128;
    /** Characters of the space-padded account id. */
    public static final int ACCOUNT_ID_LENGTH = 32;
    /** Characters of the access key id. */
    public static final int ACCESS_KEY_LENGTH = 32;
    /** Characters of the secret access key. */
    public static final int SECRET_KEY_LENGTH = 64;

    public BucketCommitment {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accountId.isEmpty() || accountId.length() > ACCOUNT_ID_LENGTH) {
            throw new IllegalArgumentException(String.format("account id must be 1 to %d characters, got %d",
                    ACCOUNT_ID_LENGTH, accountId.length()));
        }
        requirePrintable("account id", accountId);
        if (accessKeyId.length() != ACCESS_KEY_LENGTH) {
            throw new IllegalArgumentException(String.format("access key id must be exactly %d characters, got %d",
                    ACCESS_KEY_LENGTH, accessKeyId.length()));
        }
        requirePrintable("access key id", accessKeyId);
        // The secret's length is safe to report, its characters are not.
        if (secretAccessKey.length() != SECRET_KEY_LENGTH) {
            throw new IllegalArgumentException(String.format(
                    "secret access key must be exactly %d characters, got %d", SECRET_KEY_LENGTH,
                    secretAccessKey.length()));
        }
        for (int i = 0; i < secretAccessKey.length(); i++) {
            if (!printable(secretAccessKey.charAt(i))) {
                throw new IllegalArgumentException(String.format(
                        "secret access key holds a character that is not printable ASCII at position %d", i));
            }
        }
    }

    /** The {@value #LENGTH}-character commitment. */
    public String encode() {
        return accountId + " ".repeat(ACCOUNT_ID_LENGTH - accountId.length()) + accessKeyId + secretAccessKey;
    }

    /**
     * Parses a commitment read from the chain.
     *
     * @throws IllegalArgumentException naming the length or field at fault (never the secret)
     */
    public static BucketCommitment decode(String commitment) {
        Objects.requireNonNull(commitment, "commitment");
        if (commitment.length() != LENGTH) {
            throw new IllegalArgumentException(String.format("a bucket commitment is exactly %d characters, got %d",
                    LENGTH, commitment.length()));
        }
        String account = commitment.substring(0, ACCOUNT_ID_LENGTH).stripTrailing();
        String keyId = commitment.substring(ACCOUNT_ID_LENGTH, ACCOUNT_ID_LENGTH + ACCESS_KEY_LENGTH);
        String secret = commitment.substring(ACCOUNT_ID_LENGTH + ACCESS_KEY_LENGTH);
        return new BucketCommitment(account, keyId, secret);
    }

    /** The provider the account id implies. */
    public BucketProvider provider() {
        return BucketProvider.of(accountId);
    }

    /**
     * The bucket to read, with these credentials.
     *
     * @param endpointOverride replaces the provider's endpoint (MinIO, localnet: {@code GENTRX_CHAIN_ENDPOINT_OVERRIDE})
     */
    public S3Bucket bucket(Optional<String> endpointOverride) {
        BucketProvider provider = provider();
        return new S3Bucket(endpointOverride.filter(e -> !e.isBlank()).orElse(provider.endpoint(accountId)),
                provider.region(), provider.bucket(accountId), accessKeyId, secretAccessKey);
    }

    @Override
    public String toString() {
        return "BucketCommitment[accountId=" + accountId + ", accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
    }

    private static void requirePrintable(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!printable(value.charAt(i))) {
                throw new IllegalArgumentException(String.format(
                        "%s '%s' holds a character that is not printable ASCII at position %d", what, value, i));
            }
        }
    }

    /** Printable ASCII without the space, which only pads the account id. */
    private static boolean printable(char c) {
        return c > 0x20 && c < 0x7f;
    }
}
