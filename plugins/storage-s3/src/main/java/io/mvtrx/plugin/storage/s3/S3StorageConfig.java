package io.mvtrx.plugin.storage.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;

/**
 * Everything an {@link S3Storage} needs, validated on construction; every message names the attribute, the
 * constraint and the value. {@link #from(Settings, UnaryOperator)} applies a {@link S3Preset}'s defaults and reads
 * the keys from {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} when the element leaves them out.
 * {@link #toString()} never shows the secret key.
 *
 * @param bucket              the bucket every key lives in
 * @param endpoint            the server, or null for the AWS regional endpoint of {@code region}
 * @param region              the SigV4 signing region ({@code auto} for R2)
 * @param pathStyle           {@code https://host/bucket/key} rather than {@code https://bucket.host/key}
 * @param accessKey           access key id
 * @param secretKey           secret access key
 * @param multipartThreshold  objects of at least this many bytes go up as a multipart upload
 * @param partSize            bytes per multipart part (the last part may be smaller), at least 5 MiB
 * @param connectTimeout      TCP connect timeout
 * @param readTimeout         socket read timeout (no byte for this long fails the attempt)
 * @param retryAttempts       attempts per call, the first included; only transient failures are retried
 * @param retryBackoff        wait before the second attempt; doubles for each further attempt
 * @param retryMaxBackoff     longest wait between two attempts
 * @param breakerFailureRate  percentage of failed calls in the window that opens the circuit
 * @param breakerMinimumCalls calls the window must hold before the rate is judged
 * @param breakerWindow       calls the window holds (count based)
 * @param breakerOpenWait     how long an open circuit refuses calls before letting one through to test the server
 */
public record S3StorageConfig(
        String bucket,
        URI endpoint,
        String region,
        boolean pathStyle,
        String accessKey,
        String secretKey,
        long multipartThreshold,
        long partSize,
        Duration connectTimeout,
        Duration readTimeout,
        int retryAttempts,
        Duration retryBackoff,
        Duration retryMaxBackoff,
        int breakerFailureRate,
        int breakerMinimumCalls,
        int breakerWindow,
        Duration breakerOpenWait) {

    /** S3's smallest part (every part but the last). */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    /** S3's largest part and largest single PUT. */
    public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;

    /** S3's most parts in one upload. */
    public static final int MAX_PARTS = 10_000;

    /** Environment variable read when {@code accessKey} is absent. */
    public static final String ACCESS_KEY_ENV = "AWS_ACCESS_KEY_ID";

    /** Environment variable read when {@code secretKey} is absent. */
    public static final String SECRET_KEY_ENV = "AWS_SECRET_ACCESS_KEY";

    static final long DEFAULT_MULTIPART_THRESHOLD = 16L * 1024 * 1024;
    static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;

    /** The attributes the {@code s3} provider reads. */
    public static final ParameterSchema PARAMETERS = ParameterSchema.of(
            Parameter.optional("preset", ParameterType.STRING, null,
                    "aws | r2 | hippius: fills endpoint, region, path style (and the bucket from accountId)"),
            Parameter.optional("accountId", ParameterType.STRING, null,
                    "R2 account id (32 hex digits; endpoint host) or Hippius account; default bucket for both"),
            Parameter.optional("bucket", ParameterType.STRING, null,
                    "bucket name (required unless preset r2/hippius with accountId)"),
            Parameter.optional("endpoint", ParameterType.STRING, null,
                    "server URL, e.g. http://127.0.0.1:9000 (default: from the preset; AWS regional)"),
            Parameter.optional("region", ParameterType.STRING, null,
                    "signing region (default: the preset's; us-east-1 without one)"),
            Parameter.optional("pathStyle", ParameterType.BOOLEAN, null,
                    "bucket in the path (default: true for r2, hippius and custom endpoints, false for aws)"),
            Parameter.optional("accessKey", ParameterType.STRING, null, "access key id (default: $" + ACCESS_KEY_ENV
                    + ")"),
            Parameter.optional("secretKey", ParameterType.STRING, null, "secret access key (default: $"
                    + SECRET_KEY_ENV + ")"),
            Parameter.optional("multipartThreshold", ParameterType.INTEGER, Long.toString(DEFAULT_MULTIPART_THRESHOLD),
                    "objects of at least this many bytes are uploaded in parts"),
            Parameter.optional("partSize", ParameterType.INTEGER, Long.toString(DEFAULT_PART_SIZE),
                    "bytes per part, at least 5 MiB"),
            Parameter.optional("connectTimeoutMillis", ParameterType.INTEGER, "15000", "TCP connect timeout"),
            Parameter.optional("readTimeoutMillis", ParameterType.INTEGER, "60000", "socket read timeout"),
            Parameter.optional("retryAttempts", ParameterType.INTEGER, "6",
                    "attempts per call on transient failures (5xx, throttling, I/O), the first included"),
            Parameter.optional("retryBackoffMillis", ParameterType.INTEGER, "1000",
                    "wait before the first retry; doubles each retry"),
            Parameter.optional("retryMaxBackoffMillis", ParameterType.INTEGER, "30000", "longest wait between tries"),
            Parameter.optional("breakerFailureRate", ParameterType.INTEGER, "50",
                    "percent of failed calls that opens the circuit"),
            Parameter.optional("breakerMinimumCalls", ParameterType.INTEGER, "10",
                    "calls observed before the failure rate counts"),
            Parameter.optional("breakerWindow", ParameterType.INTEGER, "20", "calls in the sliding window"),
            Parameter.optional("breakerOpenMillis", ParameterType.INTEGER, "30000",
                    "how long an open circuit refuses calls before a trial call"));

    public S3StorageConfig {
        require(bucket != null && !bucket.isBlank(), "'bucket' is required");
        require(!bucket.contains("/"), "'bucket' must not contain '/', got '%s'", bucket);
        if (endpoint != null) {
            require(endpoint.isAbsolute() && endpoint.getHost() != null
                            && ("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())),
                    "'endpoint' must be an http(s) URL with a host, got '%s'", endpoint);
        }
        require(region != null && !region.isBlank(), "'region' is required");
        require(accessKey != null && !accessKey.isBlank(),
                "'accessKey' is required (set the attribute or %s)", ACCESS_KEY_ENV);
        require(secretKey != null && !secretKey.isBlank(),
                "'secretKey' is required (set the attribute or %s)", SECRET_KEY_ENV);
        require(multipartThreshold >= 1 && multipartThreshold <= MAX_PART_SIZE,
                "'multipartThreshold' must be between 1 and %d bytes, got %d", MAX_PART_SIZE, multipartThreshold);
        require(partSize >= MIN_PART_SIZE && partSize <= MAX_PART_SIZE,
                "'partSize' must be between %d (5 MiB) and %d bytes, got %d", MIN_PART_SIZE, MAX_PART_SIZE, partSize);
        require(partSize <= Integer.MAX_VALUE - 8, "'partSize' must be below 2 GiB (parts are buffered), got %d",
                partSize);
        requirePositive(connectTimeout, "connectTimeoutMillis");
        requirePositive(readTimeout, "readTimeoutMillis");
        require(retryAttempts >= 1, "'retryAttempts' must be at least 1, got %d", retryAttempts);
        requirePositive(retryBackoff, "retryBackoffMillis");
        requirePositive(retryMaxBackoff, "retryMaxBackoffMillis");
        require(retryMaxBackoff.compareTo(retryBackoff) >= 0,
                "'retryMaxBackoffMillis' (%d) must be at least 'retryBackoffMillis' (%d)", retryMaxBackoff.toMillis(),
                retryBackoff.toMillis());
        require(breakerFailureRate >= 1 && breakerFailureRate <= 100,
                "'breakerFailureRate' must be a percentage between 1 and 100, got %d", breakerFailureRate);
        require(breakerMinimumCalls >= 1, "'breakerMinimumCalls' must be at least 1, got %d", breakerMinimumCalls);
        require(breakerWindow >= breakerMinimumCalls,
                "'breakerWindow' (%d) must be at least 'breakerMinimumCalls' (%d)", breakerWindow, breakerMinimumCalls);
        requirePositive(breakerOpenWait, "breakerOpenMillis");
    }

    /**
     * Reads an element, applying the preset's defaults and the environment's keys.
     *
     * @param env environment lookup ({@code System::getenv} in production), returning null when unset
     * @throws SettingsException naming the element path, the attribute and the value
     */
    public static S3StorageConfig from(Settings settings, UnaryOperator<String> env) {
        try {
            Optional<S3Preset> preset = settings.attribute("preset").map(S3Preset::of);
            String accountId = settings.attribute("accountId").map(String::strip).orElse(null);
            URI endpoint = settings.attribute("endpoint").map(S3StorageConfig::parseUri)
                    .or(() -> preset.flatMap(p -> p.defaultEndpoint(accountId)))
                    .orElse(null);
            String region = settings.attribute("region")
                    .orElse(preset.map(S3Preset::defaultRegion).orElse(S3Preset.AWS.defaultRegion()));
            boolean pathStyle = settings.has("pathStyle") ? settings.bool("pathStyle")
                    : preset.map(S3Preset::defaultPathStyle).orElse(endpoint != null);
            String bucket = settings.attribute("bucket")
                    .or(() -> preset.filter(S3Preset::bucketIsAccountId).map(p -> accountId))
                    .orElse(null);
            String accessKey = settings.attribute("accessKey").orElseGet(() -> env.apply(ACCESS_KEY_ENV));
            String secretKey = settings.attribute("secretKey").orElseGet(() -> env.apply(SECRET_KEY_ENV));
            return new S3StorageConfig(bucket, endpoint, region, pathStyle, accessKey, secretKey,
                    settings.longValue("multipartThreshold", DEFAULT_MULTIPART_THRESHOLD),
                    settings.longValue("partSize", DEFAULT_PART_SIZE),
                    millis(settings, "connectTimeoutMillis", 15_000),
                    millis(settings, "readTimeoutMillis", 60_000),
                    settings.intValue("retryAttempts", 6),
                    millis(settings, "retryBackoffMillis", 1_000),
                    millis(settings, "retryMaxBackoffMillis", 30_000),
                    settings.intValue("breakerFailureRate", 50),
                    settings.intValue("breakerMinimumCalls", 10),
                    settings.intValue("breakerWindow", 20),
                    millis(settings, "breakerOpenMillis", 30_000));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("%s: %s", settings.path(), e.getMessage());
        }
    }

    /** {@code s3://bucket}, how messages name this storage. */
    public String location() {
        return "s3://" + bucket;
    }

    /** The endpoint requests go to: the configured one, or the AWS regional endpoint. */
    public URI effectiveEndpoint() {
        return endpoint != null ? endpoint : URI.create("https://s3." + region + ".amazonaws.com");
    }

    /** A copy with other credentials (tests, key rotation). */
    public S3StorageConfig withCredentials(String newAccessKey, String newSecretKey) {
        return new S3StorageConfig(bucket, endpoint, region, pathStyle, newAccessKey, newSecretKey,
                multipartThreshold, partSize, connectTimeout, readTimeout, retryAttempts, retryBackoff,
                retryMaxBackoff, breakerFailureRate, breakerMinimumCalls, breakerWindow, breakerOpenWait);
    }

    @Override
    public String toString() {
        return String.format("S3StorageConfig[%s at %s, region %s, %s, accessKey %s, secretKey ****, "
                        + "multipart from %d bytes in %d-byte parts, timeouts %s/%s, %d attempts backing off %s..%s, "
                        + "breaker %d%% of %d (min %d) open %s]",
                location(), effectiveEndpoint(), region, pathStyle ? "path style" : "virtual-hosted", accessKey,
                multipartThreshold, partSize, connectTimeout, readTimeout, retryAttempts, retryBackoff,
                retryMaxBackoff, breakerFailureRate, breakerWindow, breakerMinimumCalls, breakerOpenWait);
    }

    private static Duration millis(Settings settings, String name, long defaultMillis) {
        return Duration.ofMillis(settings.longValue(name, defaultMillis));
    }

    private static URI parseUri(String text) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(String.format("'endpoint' must be a URL, got '%s'", text), e);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        require(duration != null && duration.isPositive(), "'%s' must be positive, got %s", name,
                duration == null ? "nothing" : Long.toString(duration.toMillis()));
    }

    private static void require(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(format, args));
        }
    }
}
