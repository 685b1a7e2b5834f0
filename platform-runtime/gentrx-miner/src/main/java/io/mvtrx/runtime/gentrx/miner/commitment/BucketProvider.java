package io.mvtrx.runtime.gentrx.miner.commitment;

import java.util.regex.Pattern;

/**
 * The S3 provider a commitment's account id implies (gentrx.md §3.7): 32 lower-case hex digits are a Cloudflare R2
 * account, {@code storj:<bucket>} a Storj bucket, anything else a Hippius account.
 */
public enum BucketProvider {
    R2("auto"),
    STORJ("global"),
    HIPPIUS("decentralized");

    static final Pattern R2_ACCOUNT_ID = Pattern.compile("[0-9a-f]{32}");
    static final String STORJ_PREFIX = "storj:";

    private final String region;

    BucketProvider(String region) {
        this.region = region;
    }

    /** The signing region the provider expects. */
    public String region() {
        return region;
    }

    /** The provider an account id names. */
    public static BucketProvider of(String accountId) {
        if (R2_ACCOUNT_ID.matcher(accountId).matches()) {
            return R2;
        }
        return accountId.startsWith(STORJ_PREFIX) ? STORJ : HIPPIUS;
    }

    /** The provider's endpoint for an account id. */
    public String endpoint(String accountId) {
        return switch (this) {
            case R2 -> "https://" + accountId + ".r2.cloudflarestorage.com";
            case STORJ -> "https://gateway.storjshare.io";
            case HIPPIUS -> "https://s3.hippius.com";
        };
    }

    /** The bucket an account id names: the id itself, except after {@code storj:}. */
    public String bucket(String accountId) {
        return this == STORJ ? accountId.substring(STORJ_PREFIX.length()) : accountId;
    }
}
