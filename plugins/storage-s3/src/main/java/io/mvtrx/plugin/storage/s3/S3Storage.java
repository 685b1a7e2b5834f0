package io.mvtrx.plugin.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.api.spi.storage.StorageKeys;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket on an S3-compatible server as a {@link StorageBackend}. Objects below
 * {@link S3StorageConfig#multipartThreshold()} go up in one PUT; larger ones as a multipart upload (create, parts,
 * complete) that is aborted on any failure, so S3 never shows a partial object: an object appears whole when its
 * PUT or its completion succeeds, or not at all. An abort that cannot reach the server is queued and retried
 * before the next call and on close, so abandoned parts do not linger.
 *
 * <p>Every remote call goes through a Resilience4j {@link Retry} (exponential backoff; only transient failures are
 * retried: HTTP 5xx, 429, throttling and timeout error codes, I/O errors) around a {@link CircuitBreaker} that counts
 * transient failures only; a 4xx such as 403 or 404 is neither retried nor counted. Aborts are the exception: they
 * are cleanup, sent once directly (even while the circuit is open) and queued when they fail. The SDK's own retries are off,
 * so the configured attempts are the real ones. Failures surface as one {@link IOException} naming the bucket, the
 * key, the operation, the attempts and the cause, e.g. {@code s3://bucket/key: put failed after 3 attempts: ...};
 * bad credentials as {@code s3://bucket: access denied (check accessKey/secretKey)}; an open circuit fails at once
 * with a message saying so.
 *
 * <p>Thread-safe: the SDK client, the retry and the breaker are; the pending-abort queue is concurrent. Cost: a put
 * below the threshold is one request; a multipart put is {@code parts + 2} requests and buffers one part in memory
 * at a time; a list is one request per 1,000 keys; a get streams (the caller must close the stream; a connection
 * lost mid-stream surfaces as an {@link IOException} from the stream, never as a short object).
 * Caveats: a get retries only opening the object, not reading it; a completion whose response is lost is reported
 * as failed although the object may be whole (it is never partial).
 */
public final class S3Storage implements StorageBackend {

    private static final System.Logger LOG = System.getLogger(S3Storage.class.getName());

    private static final String OCTET_STREAM = "application/octet-stream";

    /** Error codes S3 and compatible servers use for conditions that pass (some come with HTTP 400). */
    private static final Set<String> TRANSIENT_CODES = Set.of("SlowDown", "Throttling", "ThrottlingException",
            "ThrottledException", "RequestThrottled", "RequestLimitExceeded", "TooManyRequests", "RequestTimeout",
            "RequestTimeoutException", "IncompleteBody", "ServiceUnavailable", "InternalError");

    /** Error codes of bad or insufficient credentials. */
    private static final Set<String> DENIED_CODES = Set.of("AccessDenied", "InvalidAccessKeyId",
            "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken");

    private final S3StorageConfig config;
    private final S3Client s3;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Queue<PendingAbort> pendingAborts = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private S3Storage(S3StorageConfig config, S3Client s3, Clock clock) {
        this.config = config;
        this.s3 = s3;
        this.retry = Retry.of(config.location(), RetryConfig.custom()
                .maxAttempts(config.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(config.retryBackoff(), 2.0,
                        config.retryMaxBackoff()))
                .retryOnException(S3Storage::isTransient)
                .build());
        this.breaker = CircuitBreaker.of(config.location(), CircuitBreakerConfig.custom()
                .slidingWindow(config.breakerWindow(), config.breakerMinimumCalls(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(config.breakerFailureRate())
                .waitDurationInOpenState(config.breakerOpenWait())
                .permittedNumberOfCallsInHalfOpenState(1)
                // slowness is the read timeout's business; a long part upload is not a failure
                .slowCallDurationThreshold(Duration.ofDays(1))
                .recordException(S3Storage::isTransient)
                .ignoreException(failure -> !isTransient(failure))
                .clock(clock)
                .build());
    }

    /** Opens a client for the configured bucket; no request is made until the first call. */
    public static S3Storage open(S3StorageConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** As {@link #open(S3StorageConfig)}, with the clock the circuit breaker measures its open state by. */
    static S3Storage open(S3StorageConfig config, Clock breakerClock) {
        // the SDK discovers interceptors and defaults through the context loader: make it this plugin's
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(S3Storage.class.getClassLoader());
        try {
            return new S3Storage(config, client(config), breakerClock);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static S3Client client(S3StorageConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.accessKey(), config.secretKey())))
                .forcePathStyle(config.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(config.connectTimeout())
                        .socketTimeout(config.readTimeout()))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (config.endpoint() != null) {
            builder.endpointOverride(config.endpoint());
        }
        return builder.build();
    }

    /** The configuration this storage runs with. */
    public S3StorageConfig config() {
        return config;
    }

    /** The breaker guarding every call (for health checks and tests). */
    CircuitBreaker circuitBreaker() {
        return breaker;
    }

    /** The retry every call goes through (for metrics and tests). */
    Retry retry() {
        return retry;
    }

    /** Multipart uploads whose abort could not be delivered yet. */
    int pendingAborts() {
        return pendingAborts.size();
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        StorageKeys.checkKey(key);
        if (content.length < config.multipartThreshold()) {
            call("put", null, key, () -> s3.putObject(b -> b.bucket(config.bucket()).key(key),
                    body(content, 0, content.length)));
            return;
        }
        multipart(key, content.length, (offset, length) -> body(content, (int) offset, length));
    }

    @Override
    public void put(String key, Path source) throws IOException {
        StorageKeys.checkKey(key);
        long size;
        try {
            size = Files.size(source);
        } catch (NoSuchFileException e) {
            throw new IOException(String.format("%s: put failed: source file %s does not exist", where(key),
                    source), e);
        }
        if (!Files.isRegularFile(source)) {
            throw new IOException(String.format("%s: put failed: source %s is not a regular file", where(key),
                    source));
        }
        if (size < config.multipartThreshold()) {
            call("put", null, key, () -> s3.putObject(b -> b.bucket(config.bucket()).key(key),
                    RequestBody.fromFile(source)));
            return;
        }
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ)) {
            multipart(key, size, (offset, length) -> {
                byte[] part = new byte[length];
                ByteBuffer buffer = ByteBuffer.wrap(part);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, offset + buffer.position()) < 0) {
                        throw new IOException(String.format("%s: put failed: source %s shrank below %d bytes while "
                                + "uploading", where(key), source, offset + buffer.position()));
                    }
                }
                return body(part, 0, length);
            });
        }
    }

    @Override
    public Optional<InputStream> get(String key) throws IOException {
        StorageKeys.checkKey(key);
        return call("get", null, key, () -> {
            try {
                return Optional.of(s3.getObject(b -> b.bucket(config.bucket()).key(key)));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        StorageKeys.checkPrefix(prefix);
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = call("list", null, prefix, () -> s3.listObjectsV2(b -> b
                    .bucket(config.bucket())
                    .prefix(prefix.isEmpty() ? null : prefix)
                    .continuationToken(continuation)));
            for (S3Object object : page.contents()) {
                keys.add(object.key());
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        keys.sort(null);
        return keys;
    }

    @Override
    public void delete(String key) throws IOException {
        StorageKeys.checkKey(key);
        call("delete", null, key, () -> {
            try {
                return s3.deleteObject(b -> b.bucket(config.bucket()).key(key));
            } catch (NoSuchKeyException e) {
                // S3 answers 204 for a missing key; some compatible servers answer 404
                return null;
            }
        });
    }

    /** Tries the queued aborts once more, then closes the HTTP client. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        drainPendingAborts();
        s3.close();
    }

    @Override
    public String toString() {
        return config.location() + " at " + config.effectiveEndpoint();
    }

    /** Produces the body of one part, given its offset and length; called once per part. */
    private interface PartBodies {
        RequestBody part(long offset, int length) throws IOException;
    }

    private record PendingAbort(String key, String uploadId) {
    }

    private void multipart(String key, long size, PartBodies bodies) throws IOException {
        long partSize = config.partSize();
        long partCount = (size + partSize - 1) / partSize;
        if (partCount > S3StorageConfig.MAX_PARTS) {
            throw new IOException(String.format("%s: put failed: %d bytes need %d parts of %d bytes, more than the "
                    + "%d S3 allows (raise partSize)", where(key), size, partCount, partSize,
                    S3StorageConfig.MAX_PARTS));
        }
        String uploadId = call("put", "starting the multipart upload", key,
                () -> s3.createMultipartUpload(b -> b.bucket(config.bucket()).key(key).contentType(OCTET_STREAM))
                        .uploadId());
        try {
            List<CompletedPart> parts = new ArrayList<>((int) partCount);
            for (int number = 1; number <= partCount; number++) {
                long offset = (number - 1) * partSize;
                int length = (int) Math.min(partSize, size - offset);
                RequestBody body = bodies.part(offset, length);
                int partNumber = number;
                String eTag = call("put", String.format("part %d of %d", number, partCount), key,
                        () -> s3.uploadPart(b -> b.bucket(config.bucket()).key(key).uploadId(uploadId)
                                .partNumber(partNumber).contentLength((long) length), body).eTag());
                parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
            }
            call("put", "completing the multipart upload", key,
                    () -> s3.completeMultipartUpload(b -> b.bucket(config.bucket()).key(key).uploadId(uploadId)
                            .multipartUpload(m -> m.parts(parts))));
        } catch (IOException | RuntimeException e) {
            abort(new PendingAbort(key, uploadId), e);
            throw e;
        }
    }

    private void abort(PendingAbort upload, Exception failure) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(config.bucket()).key(upload.key()).uploadId(upload.uploadId()));
        } catch (NoSuchUploadException e) {
            // already gone
        } catch (RuntimeException e) {
            pendingAborts.add(upload);
            failure.addSuppressed(new IOException(String.format("%s: abort of multipart upload %s failed, retried "
                    + "before the next call: %s", where(upload.key()), upload.uploadId(), describe(e)), e));
        }
    }

    private void drainPendingAborts() {
        for (int i = pendingAborts.size(); i > 0; i--) {
            PendingAbort upload = pendingAborts.poll();
            if (upload == null) {
                return;
            }
            try {
                s3.abortMultipartUpload(b -> b.bucket(config.bucket()).key(upload.key())
                        .uploadId(upload.uploadId()));
                LOG.log(Level.INFO, "{0}: aborted multipart upload {1} left by a failed put", where(upload.key()),
                        upload.uploadId());
            } catch (NoSuchUploadException e) {
                // already gone
            } catch (RuntimeException e) {
                pendingAborts.add(upload);
                LOG.log(Level.DEBUG, "{0}: abort of multipart upload {1} failed again: {2}", where(upload.key()),
                        upload.uploadId(), describe(e));
            }
        }
    }

    /**
     * Runs one remote call through the retry and the breaker and turns any failure into one {@link IOException}.
     *
     * @param operation put, get, list or delete
     * @param step      the step of a multipart put, or null
     * @param key       the key or prefix the call is about
     */
    private <T> T call(String operation, String step, String key, CheckedSupplier<T> action) throws IOException {
        if (closed) {
            throw new IOException(String.format("%s: storage is closed", config.location()));
        }
        if (!pendingAborts.isEmpty() && breaker.getState() != CircuitBreaker.State.OPEN) {
            drainPendingAborts();
        }
        AtomicInteger attempts = new AtomicInteger();
        CheckedSupplier<T> guarded = CircuitBreaker.decorateCheckedSupplier(breaker, () -> {
            attempts.incrementAndGet();
            return action.get();
        });
        try {
            return Retry.decorateCheckedSupplier(retry, guarded).get();
        } catch (Throwable failure) {
            throw failure(operation, step, key, attempts.get(), failure);
        }
    }

    private IOException failure(String operation, String step, String key, int attempts, Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        String at = step == null ? "" : " (" + step + ")";
        if (failure instanceof CallNotPermittedException) {
            return new IOException(String.format("%s: %s failed%s: circuit open after repeated failures reaching %s; "
                            + "calls are refused for %d s after it opens", where(key), operation, at,
                    config.effectiveEndpoint(), config.breakerOpenWait().toSeconds()), failure);
        }
        if (failure instanceof AwsServiceException service) {
            String code = errorCode(service);
            if (service.statusCode() == 403 || DENIED_CODES.contains(code)) {
                return new IOException(String.format("%s: access denied (check accessKey/secretKey)",
                        config.location()), failure);
            }
            if ("NoSuchBucket".equals(code)) {
                return new IOException(String.format("%s: %s failed: bucket %s does not exist at %s", where(key),
                        operation, config.bucket(), config.effectiveEndpoint()), failure);
            }
        }
        String tries = attempts > 1 ? String.format(" after %d attempts", attempts) : "";
        return new IOException(String.format("%s: %s failed%s%s: %s", where(key), operation, tries, at,
                describe(failure)), failure);
    }

    /**
     * Whether a failure may pass if the call is repeated: HTTP 5xx and 429, throttling and timeout error codes, and
     * I/O errors anywhere in the cause chain (connection refused or reset, timeouts). Everything else, notably any
     * other 4xx, is permanent.
     */
    static boolean isTransient(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return false;
        }
        if (failure instanceof AwsServiceException service) {
            int status = service.statusCode();
            return status >= 500 || status == 429 || service.isThrottlingException()
                    || TRANSIENT_CODES.contains(errorCode(service));
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException || cause instanceof UncheckedIOException
                    || cause instanceof ApiCallAttemptTimeoutException || cause instanceof RetryableException) {
                return true;
            }
        }
        return false;
    }

    private static String errorCode(AwsServiceException service) {
        return service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
    }

    private static String describe(Throwable failure) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return String.format("%s (HTTP %d): %s", errorCode(service), service.statusCode(),
                    service.awsErrorDetails().errorMessage());
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
    }

    private static RequestBody body(byte[] content, int offset, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(content, offset, length), length,
                OCTET_STREAM);
    }

    private String where(String key) {
        return config.location() + "/" + key;
    }
}
