package io.mvtrx.runtime.gentrx.miner.credentials;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.runtime.gentrx.miner.commitment.BucketCommitment;
import io.mvtrx.runtime.gentrx.miner.commitment.BucketProvider;
import io.mvtrx.runtime.gentrx.miner.commitment.S3Bucket;

/**
 * The miner's own bucket: write keys to upload gradients, read keys to commit on chain so validators can fetch them.
 * Every {@linkplain CredentialField#required() required} field is present. {@link #toString()} masks the secrets.
 */
public final class MinerCredentials {

    private final Map<CredentialField, String> values;

    /**
     * @throws IllegalArgumentException naming the missing required fields (never a value)
     */
    public MinerCredentials(Map<CredentialField, String> values) {
        EnumMap<CredentialField, String> copy = new EnumMap<>(CredentialField.class);
        values.forEach((field, value) -> {
            if (value != null && !value.isBlank()) {
                copy.put(field, value.strip());
            }
        });
        var missing = Arrays.stream(CredentialField.values())
                .filter(f -> f.required() && !copy.containsKey(f)).map(CredentialField::propertyKey).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("miner credentials lack " + String.join(", ", missing));
        }
        this.values = Collections.unmodifiableMap(copy);
    }

    /** A field's value, empty when not given. */
    public Optional<String> get(CredentialField field) {
        return Optional.ofNullable(values.get(field));
    }

    /** Every given value, for saving. */
    public Map<CredentialField, String> values() {
        return values;
    }

    /** The bucket to upload to, opened with the write keys. */
    public S3Bucket writeBucket() {
        return bucket(values.get(CredentialField.ACCESS_KEY), values.get(CredentialField.SECRET_KEY));
    }

    /** The bucket validators read, with the read keys. */
    public S3Bucket readBucket() {
        return bucket(values.get(CredentialField.READ_ACCESS_KEY), values.get(CredentialField.READ_SECRET_KEY));
    }

    /**
     * What the miner commits on chain.
     *
     * @throws IllegalArgumentException when the read keys do not fit the commitment (lengths, ASCII)
     */
    public BucketCommitment commitment() {
        return new BucketCommitment(values.get(CredentialField.ACCOUNT_ID),
                values.get(CredentialField.READ_ACCESS_KEY), values.get(CredentialField.READ_SECRET_KEY));
    }

    private S3Bucket bucket(String accessKey, String secretKey) {
        String accountId = values.get(CredentialField.ACCOUNT_ID);
        BucketProvider provider = provider();
        return new S3Bucket(get(CredentialField.ENDPOINT_URL).orElse(provider.endpoint(accountId)),
                get(CredentialField.REGION).orElse(provider.region()),
                get(CredentialField.BUCKET).orElse(provider.bucket(accountId)), accessKey, secretKey);
    }

    /** The provider: as configured ({@code r2}, {@code storj}, {@code hippius}), else the one the account id implies. */
    public BucketProvider provider() {
        return get(CredentialField.PROVIDER)
                .flatMap(MinerCredentials::named)
                .orElse(BucketProvider.of(values.get(CredentialField.ACCOUNT_ID)));
    }

    private static Optional<BucketProvider> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "r2" -> Optional.of(BucketProvider.R2);
            case "storj" -> Optional.of(BucketProvider.STORJ);
            case "hippius" -> Optional.of(BucketProvider.HIPPIUS);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("MinerCredentials[");
        boolean first = true;
        for (CredentialField field : CredentialField.values()) {
            String value = values.get(field);
            if (value == null) {
                continue;
            }
            text.append(first ? "" : ", ").append(field.propertyKey()).append('=')
                    .append(field.secret() ? "***" : value);
            first = false;
        }
        return text.append(']').toString();
    }
}
