/**
 * The {@code s3} storage backend: AWS S3, Cloudflare R2, Hippius or any S3-compatible server through the AWS SDK v2
 * (Apache 5 HTTP client), every call behind a Resilience4j retry and circuit breaker.
 */
@SuppressWarnings("module") // the name ends in "s3", the backend's name
module io.mvtrx.plugin.storage.s3 {
    requires io.mvtrx.api;
    // Apache HttpClient 5 sets TCP keep-alive options through jdk.net.Sockets but, as an automatic module, cannot
    // say so: without this the boot layer of bin/mvtrx never resolves jdk.net and the first request fails.
    requires jdk.net;
    requires io.github.resilience4j.circuitbreaker;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.apache5;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.services.s3;

    provides io.mvtrx.api.spi.storage.StorageBackendProvider with io.mvtrx.plugin.storage.s3.S3StorageProvider;
}
