package io.mvtrx.plugin.storage.s3;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Provider defaults that fill what the configuration leaves out, as the GenTRX reference resolves a bucket from its
 * provider (reference gentrx.md §3.5 and §3.7): SigV4 everywhere, path-style addressing for R2 and Hippius.
 *
 * <table>
 * <caption>Defaults per preset</caption>
 * <tr><th>preset</th><th>endpoint</th><th>region</th><th>path style</th><th>bucket</th></tr>
 * <tr><td>{@code aws}</td><td>{@code https://s3.<region>.amazonaws.com} (the SDK's regional endpoint)</td>
 *     <td>{@code us-east-1}</td><td>no (virtual-hosted)</td><td>required</td></tr>
 * <tr><td>{@code r2}</td><td>{@code https://<accountId>.r2.cloudflarestorage.com}</td><td>{@code auto}</td>
 *     <td>yes</td><td>the account id</td></tr>
 * <tr><td>{@code hippius}</td><td>{@code https://s3.hippius.com}</td><td>{@code decentralized}</td><td>yes</td>
 *     <td>the account id</td></tr>
 * </table>
 */
public enum S3Preset {
    AWS("aws", "us-east-1", false),
    R2("r2", "auto", true),
    HIPPIUS("hippius", "decentralized", true);

    /** Cloudflare account ids are 32 lower-case hex digits; the reference recognises R2 by exactly that. */
    static final Pattern R2_ACCOUNT_ID = Pattern.compile("[0-9a-f]{32}");

    /** The Hippius S3 gateway. */
    static final URI HIPPIUS_ENDPOINT = URI.create("https://s3.hippius.com");

    private final String configName;
    private final String defaultRegion;
    private final boolean defaultPathStyle;

    S3Preset(String configName, String defaultRegion, boolean defaultPathStyle) {
        this.configName = configName;
        this.defaultRegion = defaultRegion;
        this.defaultPathStyle = defaultPathStyle;
    }

    /** The name the configuration uses ({@code aws}, {@code r2}, {@code hippius}). */
    public String configName() {
        return configName;
    }

    /** The region used when none is configured. */
    public String defaultRegion() {
        return defaultRegion;
    }

    /** Whether requests address the bucket in the path ({@code https://host/bucket/key}) unless configured. */
    public boolean defaultPathStyle() {
        return defaultPathStyle;
    }

    /**
     * The endpoint this preset implies, or empty when the SDK resolves it from the region (AWS).
     *
     * @throws IllegalArgumentException for R2 without a valid account id
     */
    public Optional<URI> defaultEndpoint(String accountId) {
        return switch (this) {
            case AWS -> Optional.empty();
            case R2 -> {
                if (accountId == null) {
                    throw new IllegalArgumentException("preset 'r2' needs 'accountId' (or an explicit 'endpoint')");
                }
                if (!R2_ACCOUNT_ID.matcher(accountId).matches()) {
                    throw new IllegalArgumentException(String.format(
                            "'accountId' of preset 'r2' must be 32 lower-case hex digits, got '%s'", accountId));
                }
                yield Optional.of(URI.create("https://" + accountId + ".r2.cloudflarestorage.com"));
            }
            case HIPPIUS -> Optional.of(HIPPIUS_ENDPOINT);
        };
    }

    /** Whether the bucket defaults to the account id (R2 and Hippius buckets discovered on chain are named so). */
    public boolean bucketIsAccountId() {
        return this != AWS;
    }

    /**
     * The preset with that configuration name, any case.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static S3Preset of(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (S3Preset preset : values()) {
            if (preset.configName.equals(wanted)) {
                return preset;
            }
        }
        throw new IllegalArgumentException(String.format("unknown preset '%s' (known: aws, r2, hippius)", name));
    }
}
