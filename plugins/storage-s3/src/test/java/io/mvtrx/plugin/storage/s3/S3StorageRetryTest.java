package io.mvtrx.plugin.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.util.Optional;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures are retried and how each surfaces, counted request by request against a scripted server. */
class S3StorageRetryTest {

    private ScriptedS3Server server;
    private S3Storage storage;

    @BeforeEach
    void start() throws IOException {
        server = ScriptedS3Server.start();
        storage = S3Storage.open(new S3Configs()
                .with("endpoint", server.endpoint().toString())
                .with("bucket", "b")
                .with("accessKey", "a")
                .with("secretKey", "s")
                .with("retryAttempts", "3")
                .with("retryBackoffMillis", "1")
                .with("retryMaxBackoffMillis", "4")
                .build());
    }

    @AfterEach
    void stop() {
        storage.close();
        server.close();
    }

    @Test
    void slowDownIsRetriedUntilThePutGoesThrough() throws IOException {
        server.then(503, "SlowDown", "Please reduce your request rate.")
                .then(503, "SlowDown", "Please reduce your request rate.");

        storage.put("k", new byte[] {1});

        assertThat(server.requests()).containsExactly("PUT /b/k", "PUT /b/k", "PUT /b/k");
    }

    @Test
    void aServerErrorOnEveryAttemptFailsNamingTheAttemptsAndTheCause() {
        server.then(503, "SlowDown", "Please reduce your request rate.")
                .then(500, "InternalError", "We encountered an internal error.")
                .then(503, "ServiceUnavailable", "Try later.");

        assertThatThrownBy(() -> storage.put("gradients/1/00000001.grad", new byte[] {1}))
                .isInstanceOf(IOException.class)
                .hasMessage("s3://b/gradients/1/00000001.grad: put failed after 3 attempts: "
                        + "ServiceUnavailable (HTTP 503): Try later.");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void throttlingAndRequestTimeoutAreTransientEvenWithAClientStatus() throws IOException {
        server.then(429, "TooManyRequests", "Slow down.").then(400, "RequestTimeout", "Your socket connection timed out.");

        storage.delete("k");

        assertThat(server.requests()).containsExactly("DELETE /b/k", "DELETE /b/k", "DELETE /b/k");
    }

    @Test
    void aClientErrorIsNeitherRetriedNorCountedByTheBreaker() {
        server.then(400, "InvalidArgument", "Bad part.");

        assertThatThrownBy(() -> storage.put("k", new byte[] {1}))
                .isInstanceOf(IOException.class)
                .hasMessage("s3://b/k: put failed: InvalidArgument (HTTP 400): Bad part.");
        assertThat(server.requests()).hasSize(1);
        assertThat(storage.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void forbiddenIsAccessDeniedAtOnce() {
        server.then(403, "AccessDenied", "Access Denied");

        assertThatThrownBy(() -> storage.get("k"))
                .isInstanceOf(IOException.class)
                .hasMessage("s3://b: access denied (check accessKey/secretKey)");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aMissingKeyIsAnEmptyGetAfterOneRequest() throws IOException {
        server.then(404, "NoSuchKey", "The specified key does not exist.");

        assertThat(storage.get("k")).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aFailedListPageIsRetried() throws IOException {
        server.then(500, "InternalError", "Oops.");

        assertThat(storage.list("only/")).containsExactly("only/key");
        assertThat(server.requests()).containsExactly("GET /b", "GET /b");
    }

    @Test
    void aGetReturnsTheBodyAfterARetry() throws IOException {
        server.then(503, "SlowDown", "Later.");

        Optional<InputStream> object = storage.get("k");

        assertThat(object).isPresent();
        try (InputStream in = object.get()) {
            assertThat(in.readAllBytes()).containsExactly(7, 7, 7);
        }
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void transientFailuresAreServerErrorsThrottlingTimeoutsAndIo() {
        assertThat(S3Storage.isTransient(serviceError(500, "InternalError"))).isTrue();
        assertThat(S3Storage.isTransient(serviceError(503, "SlowDown"))).isTrue();
        assertThat(S3Storage.isTransient(serviceError(429, "TooManyRequests"))).isTrue();
        assertThat(S3Storage.isTransient(serviceError(400, "RequestTimeout"))).isTrue();
        assertThat(S3Storage.isTransient(serviceError(400, "IncompleteBody"))).isTrue();
        assertThat(S3Storage.isTransient(SdkClientException.builder().message("Unable to execute HTTP request")
                .cause(new ConnectException("Connection refused")).build())).isTrue();

        assertThat(S3Storage.isTransient(serviceError(403, "AccessDenied"))).isFalse();
        assertThat(S3Storage.isTransient(serviceError(404, "NoSuchKey"))).isFalse();
        assertThat(S3Storage.isTransient(serviceError(400, "InvalidArgument"))).isFalse();
        assertThat(S3Storage.isTransient(SdkClientException.create("Unable to marshall request"))).isFalse();
        assertThat(S3Storage.isTransient(CallNotPermittedException.createCallNotPermittedException(
                CircuitBreaker.ofDefaults("t")))).isFalse();
    }

    private static S3Exception serviceError(int status, String code) {
        return (S3Exception) S3Exception.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build())
                .build();
    }
}
