package io.mvtrx.runtime.gentrx.miner.credentials;

import java.util.Locale;

/**
 * One value of the miner's bucket credentials, with its three spellings: the flag, the environment variable
 * ({@code GENTRX_AGENT_S3_*}, as the reference names them, gentrx.md §3.7) and the key in the properties file.
 */
public enum CredentialField {
    PROVIDER(false, false, "storage provider: r2, hippius, storj or s3 (default: from the account id)"),
    BUCKET(false, false, "bucket (default: from the account id)"),
    ACCOUNT_ID(true, false, "account id (R2: 32 hex digits; storj:<bucket>; else the Hippius account)"),
    ENDPOINT_URL(false, false, "S3 endpoint URL (default: the provider's)"),
    REGION(false, false, "signing region (default: the provider's)"),
    ACCESS_KEY(true, false, "write access key id"),
    SECRET_KEY(true, true, "write secret access key"),
    READ_ACCESS_KEY(true, false, "read access key id (32 characters; committed on chain)"),
    READ_SECRET_KEY(true, true, "read secret access key (64 characters; committed on chain)");

    /** Prefix of every environment variable. */
    public static final String ENV_PREFIX = "GENTRX_AGENT_S3_";

    private final boolean required;
    private final boolean secret;
    private final String description;

    CredentialField(boolean required, boolean secret, String description) {
        this.required = required;
        this.secret = secret;
        this.description = description;
    }

    /** Whether a miner cannot run without it. */
    public boolean required() {
        return required;
    }

    /** Whether the value is a secret: read without echo, never printed. */
    public boolean secret() {
        return secret;
    }

    public String description() {
        return description;
    }

    /** {@code GENTRX_AGENT_S3_ACCOUNT_ID}. */
    public String environmentVariable() {
        return ENV_PREFIX + name();
    }

    /** {@code account_id}. */
    public String propertyKey() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code --gtx-s3-account-id}. */
    public String flag() {
        return "--gtx-s3-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
