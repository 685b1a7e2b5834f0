package io.mvtrx.plugin.storage.s3;

import java.util.function.UnaryOperator;

import io.mvtrx.api.settings.Settings;

/** Test configurations: a builder of {@code s3} settings pointed at a test server, with small backoffs. */
final class S3Configs {

    /** No environment variables. */
    static final UnaryOperator<String> NO_ENV = name -> null;

    private final Settings.Builder settings = Settings.builder("Storage");

    S3Configs() {
    }

    /** Path-style settings for a bucket on the server, 3 attempts 10 ms apart, a breaker that stays quiet. */
    static S3Configs forServer(S3ProxyServer server, String bucket) {
        return new S3Configs()
                .with("endpoint", server.endpoint().toString())
                .with("bucket", bucket)
                .with("region", "us-east-1")
                .with("accessKey", S3ProxyServer.ACCESS_KEY)
                .with("secretKey", S3ProxyServer.SECRET_KEY)
                .with("retryAttempts", "3")
                .with("retryBackoffMillis", "10")
                .with("retryMaxBackoffMillis", "40")
                .with("connectTimeoutMillis", "2000")
                .with("readTimeoutMillis", "10000");
    }

    S3Configs with(String attribute, String value) {
        settings.attribute(attribute, value);
        return this;
    }

    Settings settings() {
        return settings.build();
    }

    S3StorageConfig build() {
        return S3StorageConfig.from(settings.build(), NO_ENV);
    }
}
