package io.mvtrx.runtime.gentrx.miner.commitment;

import java.util.Objects;

import io.mvtrx.api.settings.Settings;

/**
 * Everything needed to open one S3 bucket with the {@code s3} storage plugin. SigV4 and path-style addressing, as
 * the reference uses for every provider. The secret never appears in {@link #toString()}.
 *
 * @param endpoint  server URL
 * @param region    signing region
 * @param bucket    bucket name
 * @param accessKey access key id
 * @param secretKey secret access key
 */
public record S3Bucket(String endpoint, String region, String bucket, String accessKey, String secretKey) {

    /** The storage plugin these settings are for. */
    public static final String BACKEND = "s3";

    public S3Bucket {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    /** The {@code <Storage>} element the {@code s3} plugin takes (doc/storage.md). */
    public Settings settings() {
        return Settings.builder("Storage")
                .attribute("endpoint", endpoint)
                .attribute("region", region)
                .attribute("bucket", bucket)
                .attribute("pathStyle", "true")
                .attribute("accessKey", accessKey)
                .attribute("secretKey", secretKey)
                .build();
    }

    @Override
    public String toString() {
        return "S3Bucket[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKey="
                + accessKey + ", secretKey=***]";
    }
}
