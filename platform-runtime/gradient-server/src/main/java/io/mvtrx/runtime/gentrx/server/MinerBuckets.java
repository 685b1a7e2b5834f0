package io.mvtrx.runtime.gentrx.server;

import io.mvtrx.api.spi.storage.StorageBackend;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Where each miner's gradients are read from: buckets registered by uid ({@code POST /register_bucket}) first, then
 * the default resolver (a shared store in local deployments; chain commitments once they are wired).
 */
public final class MinerBuckets implements AutoCloseable {

    private final Map<Integer, StorageBackend> registered = new ConcurrentHashMap<>();
    private final IntFunction<Optional<StorageBackend>> fallback;

    public MinerBuckets(IntFunction<Optional<StorageBackend>> fallback) {
        this.fallback = fallback;
    }

    /** Every miner reads from {@code shared}. */
    public static MinerBuckets shared(StorageBackend shared) {
        return new MinerBuckets(uid -> Optional.of(shared));
    }

    public Optional<StorageBackend> bucket(int uid) {
        StorageBackend own = registered.get(uid);
        return own != null ? Optional.of(own) : fallback.apply(uid);
    }

    /** A static bucket for {@code uid}; replaces (and closes) an earlier registration. */
    public void register(int uid, StorageBackend bucket) {
        StorageBackend old = registered.put(uid, bucket);
        if (old != null && old != bucket) {
            try {
                old.close();
            } catch (Exception e) {
                System.getLogger(MinerBuckets.class.getName()).log(System.Logger.Level.WARNING,
                        "closing the previous bucket of uid " + uid + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        registered.values().forEach(b -> {
            try {
                b.close();
            } catch (Exception e) {
                System.getLogger(MinerBuckets.class.getName()).log(System.Logger.Level.WARNING,
                        "closing a miner bucket: " + e.getMessage());
            }
        });
    }
}
