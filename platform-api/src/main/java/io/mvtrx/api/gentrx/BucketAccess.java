package io.mvtrx.api.gentrx;

import java.util.Objects;

/**
 * Read access to the bucket that holds an assignment's data pages. The secret is carried because miners need it to
 * download, and is never part of {@link #toString()}, so it cannot reach a log by accident.
 *
 * @param source    {@code s3} (a bucket) or {@code local} (a directory shared with the validator, tests and localnet)
 * @param endpoint  S3 endpoint URL, or the directory for {@code local}
 * @param bucket    bucket name; empty for {@code local}
 * @param accessKey read key id; empty for {@code local}
 * @param secretKey read secret; empty for {@code local}
 */
public record BucketAccess(String source, String endpoint, String bucket, String accessKey, String secretKey) {

    public BucketAccess {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    @Override
    public String toString() {
        return "BucketAccess[source=" + source + ", endpoint=" + endpoint + ", bucket=" + bucket + ", accessKey="
                + accessKey + ", secretKey=" + (secretKey.isEmpty() ? "" : "***") + "]";
    }
}
