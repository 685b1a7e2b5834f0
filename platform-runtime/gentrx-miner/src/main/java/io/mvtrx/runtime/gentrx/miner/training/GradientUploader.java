package io.mvtrx.runtime.gentrx.miner.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Stream;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;

/**
 * Puts gradients into the miner's bucket (gentrx.md §5). A failed put keeps the bytes under {@code pending/} as
 * {@code block_{round:08d}_miner_{uid}.grad}, with the object key beside it in a {@code .key} file, and
 * {@link #retryDue()} tries again after a cool-down of 30 s that doubles on each failure up to 300 s and resets on
 * success. After each successful put the miner's gradient folder is pruned to the newest {@code keep}. Worker-thread
 * only.
 */
public final class GradientUploader {

    /** First cool-down after a failed put. */
    public static final Duration FIRST_COOLDOWN = Duration.ofSeconds(30);
    /** Longest cool-down. */
    public static final Duration MAX_COOLDOWN = Duration.ofSeconds(300);

    private static final System.Logger LOG = System.getLogger(GradientUploader.class.getName());
    private static final String KEY_SUFFIX = ".key";

    private final StorageBackend bucket;
    private final Path pending;
    private final InstantSource clock;
    private final int keep;
    private Duration cooldown = FIRST_COOLDOWN;
    private Instant nextRetry = Instant.MIN;

    /**
     * @param bucket  the miner's own bucket (write keys)
     * @param pending the {@code pending/} directory
     * @param keep    gradients to keep; 0 disables pruning
     */
    public GradientUploader(StorageBackend bucket, Path pending, InstantSource clock, int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be at least 0, got " + keep);
        }
        this.bucket = bucket;
        this.pending = pending;
        this.clock = clock;
        this.keep = keep;
    }

    /**
     * Puts one gradient, or keeps it for a retry.
     *
     * @return whether it is in the bucket now
     * @throws IOException when it can neither be put nor kept on disk
     */
    public boolean upload(long round, int uid, String key, byte[] gradient) throws IOException {
        try {
            bucket.put(key, gradient);
        } catch (IOException | RuntimeException e) {
            keepPending(round, uid, key, gradient);
            failed();
            LOG.log(System.Logger.Level.WARNING, String.format("upload of %s failed (%s); kept under %s, retry in %ds",
                    key, e.getMessage(), pending, cooldown.toSeconds()));
            return false;
        }
        succeeded(key);
        return true;
    }

    /**
     * Retries the kept gradients, oldest round first, when the cool-down has passed; stops at the first failure.
     *
     * @return gradients put by this call
     */
    public int retryDue() throws IOException {
        List<Path> files = pendingFiles();
        if (files.isEmpty() || clock.instant().isBefore(nextRetry)) {
            return 0;
        }
        int done = 0;
        for (Path file : files) {
            Path keyFile = file.resolveSibling(file.getFileName() + KEY_SUFFIX);
            String key = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
            try {
                bucket.put(key, Files.readAllBytes(file));
            } catch (IOException | RuntimeException e) {
                failed();
                LOG.log(System.Logger.Level.WARNING, String.format("retry of %s failed (%s); next in %ds", key,
                        e.getMessage(), cooldown.toSeconds()));
                return done;
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(keyFile);
            succeeded(key);
            done++;
        }
        return done;
    }

    /** Gradients waiting for a retry. */
    public int pendingCount() throws IOException {
        return pendingFiles().size();
    }

    /** The cool-down that follows the next failure's predecessor (30 s after a success). */
    public Duration cooldown() {
        return cooldown;
    }

    /** When the next retry may run. */
    public Instant nextRetry() {
        return nextRetry;
    }

    private void failed() {
        if (!nextRetry.equals(Instant.MIN)) {
            Duration doubled = cooldown.multipliedBy(2);
            cooldown = doubled.compareTo(MAX_COOLDOWN) > 0 ? MAX_COOLDOWN : doubled;
        }
        nextRetry = clock.instant().plus(cooldown);
    }

    private void succeeded(String key) {
        cooldown = FIRST_COOLDOWN;
        nextRetry = Instant.MIN;
        prune(key.substring(0, key.lastIndexOf('/') + 1));
    }

    private void prune(String folder) {
        try {
            for (String old : StorageLayout.toPrune(bucket.list(folder), keep)) {
                bucket.delete(old);
            }
        } catch (IOException | RuntimeException e) {
            // Pruning is housekeeping: the next successful upload tries again.
            LOG.log(System.Logger.Level.WARNING, String.format("pruning %s failed: %s", folder, e.getMessage()));
        }
    }

    private void keepPending(long round, int uid, String key, byte[] gradient) throws IOException {
        Files.createDirectories(pending);
        Path file = pending.resolve(String.format("block_%08d_miner_%d.grad", round, uid));
        write(file.resolveSibling(file.getFileName() + KEY_SUFFIX), key.getBytes(StandardCharsets.UTF_8));
        write(file, gradient);
    }

    private static void write(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private List<Path> pendingFiles() throws IOException {
        if (!Files.isDirectory(pending)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pending)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".grad"))
                    .filter(f -> Files.exists(f.resolveSibling(f.getFileName() + KEY_SUFFIX)))
                    .sorted().toList();
        }
    }
}
