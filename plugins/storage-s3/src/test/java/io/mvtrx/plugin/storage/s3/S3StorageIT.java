package io.mvtrx.plugin.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jclouds.blobstore.BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code s3} backend against a real S3 server (s3proxy, in this JVM, on loopback): multipart uploads, listing
 * past one page, wrong credentials, a missing bucket, a server that goes away and comes back, and a multipart upload
 * cut off midway. Parts are S3's minimum of 5 MiB; multipart starts above 5 MiB.
 */
class S3StorageIT {

    private static final int MIB = 1024 * 1024;
    private static final String THRESHOLD = Integer.toString(5 * MIB + 1);
    private static final String PART = Integer.toString(5 * MIB);
    private static final String GRADIENT = "gentrx/testnet/simulation/gradients/12/00001234.grad";

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private static S3ProxyServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static String newBucket(S3ProxyServer on) {
        String bucket = "it-" + BUCKETS.incrementAndGet();
        on.createBucket(bucket);
        return bucket;
    }

    private static S3Configs multipartConfig(S3ProxyServer on, String bucket) {
        return S3Configs.forServer(on, bucket).with("multipartThreshold", THRESHOLD).with("partSize", PART);
    }

    private static byte[] payload(int size, long seed) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] read(Optional<InputStream> object) throws IOException {
        assertThat(object).isPresent();
        try (InputStream in = object.get()) {
            return in.readAllBytes();
        }
    }

    private static long remoteCalls(S3Storage storage) {
        CircuitBreaker.Metrics metrics = storage.circuitBreaker().getMetrics();
        return metrics.getNumberOfSuccessfulCalls() + metrics.getNumberOfFailedCalls();
    }

    @Test
    void anObjectAboveTheThresholdGoesUpInPartsAndReadsBackByteIdentical() throws IOException {
        String bucket = newBucket(server);
        byte[] content = payload(12 * MIB + 345, 1);

        try (S3Storage storage = S3Storage.open(multipartConfig(server, bucket).build())) {
            storage.put(GRADIENT, content);

            // create + 3 parts (5 MiB, 5 MiB, 2 MiB + 345 bytes) + complete
            assertThat(remoteCalls(storage)).isEqualTo(5);
            assertThat(read(storage.get(GRADIENT))).isEqualTo(content);
            assertThat(storage.list("gentrx/")).containsExactly(GRADIENT);
        }
        assertThat(server.blobStore().blobMetadata(bucket, GRADIENT).getSize()).isEqualTo(12L * MIB + 345);
    }

    @Test
    void aFileAboveTheThresholdGoesUpInPartsToo() throws IOException {
        String bucket = newBucket(server);
        byte[] content = payload(10 * MIB + 1, 2);
        Path file = Files.write(dir.resolve("v00006.pt"), content);

        try (S3Storage storage = S3Storage.open(multipartConfig(server, bucket).build())) {
            storage.put("checkpoints/0/v00006.pt", file);

            // create + 3 parts (5 MiB, 5 MiB, 1 byte) + complete
            assertThat(remoteCalls(storage)).isEqualTo(5);
            assertThat(read(storage.get("checkpoints/0/v00006.pt"))).isEqualTo(content);
        }
    }

    @Test
    void anObjectJustBelowTheThresholdGoesUpInOnePut() throws IOException {
        String bucket = newBucket(server);
        byte[] content = payload(5 * MIB, 3);

        try (S3Storage storage = S3Storage.open(multipartConfig(server, bucket).build())) {
            storage.put("deltas/0/v00002.grad", content);

            assertThat(remoteCalls(storage)).isEqualTo(1);
            assertThat(read(storage.get("deltas/0/v00002.grad"))).isEqualTo(content);
        }
    }

    @Test
    void listingFollowsContinuationPastAThousandKeys() throws IOException {
        String bucket = newBucket(server);
        BlobStore blobs = server.blobStore();
        List<String> expected = new ArrayList<>();
        for (int i = 1049; i >= 0; i--) {
            String key = String.format("data/0/BTC/intervals/%04d.parquet", i);
            blobs.putBlob(bucket, blobs.blobBuilder(key).payload(new byte[] {(byte) i}).build());
            expected.add(0, key);
        }
        blobs.putBlob(bucket, blobs.blobBuilder("data/1/.sim_id").payload(new byte[] {1}).build());

        try (S3Storage storage = S3Storage.open(S3Configs.forServer(server, bucket).build())) {
            List<String> listed = storage.list("data/0/");

            assertThat(listed).hasSize(1050).isEqualTo(expected);
            // two pages: 1,000 keys, then 50
            assertThat(remoteCalls(storage)).isEqualTo(2);
            assertThat(storage.list("data/0/BTC/intervals/10")).hasSize(50)
                    .startsWith("data/0/BTC/intervals/1000.parquet").endsWith("data/0/BTC/intervals/1049.parquet");
            assertThat(storage.list("data/")).hasSize(1051).endsWith("data/1/.sim_id");
        }
    }

    @Test
    void deletingAMultipartObjectTwiceIsFine() throws IOException {
        String bucket = newBucket(server);

        try (S3Storage storage = S3Storage.open(multipartConfig(server, bucket).build())) {
            storage.put(GRADIENT, payload(6 * MIB, 4));
            storage.delete(GRADIENT);
            storage.delete(GRADIENT);

            assertThat(storage.get(GRADIENT)).isEmpty();
            assertThat(storage.list("")).isEmpty();
        }
    }

    @Test
    void wrongCredentialsFailEveryOperationWithTheAccessDeniedMessageAndAreNotRetried() throws IOException {
        String bucket = newBucket(server);
        S3StorageConfig good = S3Configs.forServer(server, bucket).build();
        String denied = String.format("s3://%s: access denied (check accessKey/secretKey)", bucket);

        for (S3StorageConfig wrong : List.of(good.withCredentials(S3ProxyServer.ACCESS_KEY, "not-the-secret"),
                good.withCredentials("unknown-access-key", S3ProxyServer.SECRET_KEY))) {
            try (S3Storage storage = S3Storage.open(wrong)) {
                assertThatThrownBy(() -> storage.put("k", new byte[] {1})).isInstanceOf(IOException.class)
                        .hasMessage(denied);
                assertThatThrownBy(() -> storage.get("k")).hasMessage(denied);
                assertThatThrownBy(() -> storage.list("")).hasMessage(denied);
                assertThatThrownBy(() -> storage.delete("k")).hasMessage(denied);

                assertThat(storage.retry().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt()).isEqualTo(4);
                assertThat(storage.retry().getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isZero();
                assertThat(storage.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
                assertThat(storage.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
            }
        }
        assertThat(server.blobStore().list(bucket)).isEmpty();
    }

    @Test
    void aMissingBucketIsNamedAndNotRetried() throws IOException {
        S3StorageConfig config = S3Configs.forServer(server, "no-such-bucket").build();

        try (S3Storage storage = S3Storage.open(config)) {
            assertThatThrownBy(() -> storage.put("k", new byte[] {1}))
                    .isInstanceOf(IOException.class)
                    .hasMessage("s3://no-such-bucket/k: put failed: bucket no-such-bucket does not exist at %s",
                            server.endpoint());
            assertThat(storage.retry().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt()).isEqualTo(1);
        }
    }

    @Test
    void aServerThatGoesAwayFailsAfterTheRetriesOpensTheCircuitAndIsUsedAgainAfterTheWait() throws Exception {
        SettableClock clock = new SettableClock();
        try (S3ProxyServer own = S3ProxyServer.start()) {
            String bucket = newBucket(own);
            S3StorageConfig config = S3Configs.forServer(own, bucket)
                    .with("breakerMinimumCalls", "3")
                    .with("breakerWindow", "3")
                    .with("breakerFailureRate", "100")
                    .with("breakerOpenMillis", "30000")
                    .build();
            byte[] gradient = payload(64 * 1024, 5);
            try (S3Storage storage = S3Storage.open(config, clock)) {
                own.stop();

                assertThatThrownBy(() -> storage.put(GRADIENT, gradient))
                        .isInstanceOf(IOException.class)
                        .hasMessageStartingWith("s3://%s/%s: put failed after 3 attempts: ", bucket, GRADIENT)
                        .hasMessageContaining("Connection refused");
                assertThat(storage.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

                String circuitOpen = String.format("s3://%s/%s: get failed: circuit open after repeated failures "
                        + "reaching %s; calls are refused for 30 s after it opens", bucket, GRADIENT, own.endpoint());
                assertThatThrownBy(() -> storage.get(GRADIENT)).isInstanceOf(IOException.class)
                        .hasMessage(circuitOpen);
                own.restart();
                assertThatThrownBy(() -> storage.get(GRADIENT)).hasMessage(circuitOpen);
                assertThat(storage.circuitBreaker().getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(2);

                clock.advance(Duration.ofSeconds(30).plusMillis(1));
                storage.put(GRADIENT, gradient);

                assertThat(storage.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
                assertThat(read(storage.get(GRADIENT))).isEqualTo(gradient);
            }
        }
    }

    @Test
    void aMultipartUploadCutOffMidwayLeavesNoObjectAndIsAbortedOnceTheServerIsBack() throws Exception {
        try (S3ProxyServer own = S3ProxyServer.start()) {
            String bucket = newBucket(own);
            byte[] content = payload(12 * MIB, 6);
            try (S3Storage storage = S3Storage.open(multipartConfig(own, bucket).build())) {
                AtomicInteger successes = new AtomicInteger();
                storage.circuitBreaker().getEventPublisher().onSuccess(event -> {
                    // the server goes away once the upload is created and its first part stored
                    if (successes.incrementAndGet() == 2) {
                        stopQuietly(own);
                    }
                });

                assertThatThrownBy(() -> storage.put(GRADIENT, content))
                        .isInstanceOf(IOException.class)
                        .hasMessageStartingWith("s3://%s/%s: put failed after 3 attempts (part 2 of 3): ", bucket,
                                GRADIENT)
                        .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                                .extracting(Throwable::getMessage).asString()
                                .startsWith(String.format("s3://%s/%s: abort of multipart upload ", bucket, GRADIENT)));
                assertThat(storage.pendingAborts()).isEqualTo(1);
                assertThat(own.blobStore().listMultipartUploads(bucket)).hasSize(1);

                own.restart();

                assertThat(storage.get(GRADIENT)).isEmpty();
                assertThat(storage.pendingAborts()).isZero();
                assertThat(storage.list("")).isEmpty();
                assertThat(own.blobStore().listMultipartUploads(bucket)).isEmpty();
                assertThat(own.blobStore().list(bucket)).isEmpty();
            }
        }
    }

    private static void stopQuietly(S3ProxyServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop s3proxy", e);
        }
    }
}
