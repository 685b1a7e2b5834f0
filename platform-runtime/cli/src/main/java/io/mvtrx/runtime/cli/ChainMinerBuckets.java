package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.gentrx.miner.commitment.BucketCommitment;
import io.mvtrx.runtime.gentrx.miner.commitment.S3Bucket;

/**
 * Where the gradient server reads each miner's gradients when it follows a chain (gentrx.md §3.7): the metagraph maps
 * uids to hotkeys, each hotkey's commitment is decoded into its bucket's read credentials and opened read-side. Read
 * at most every {@code refresh}; a bucket is reopened only when its commitment changes. A commitment that does not
 * decode is logged once and the uid has no bucket; a chain that cannot be read keeps the last view.
 */
final class ChainMinerBuckets implements IntFunction<Optional<StorageBackend>>, AutoCloseable {

    /** The reference refreshes miner buckets at most every 30 s. */
    static final Duration REFRESH = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(ChainMinerBuckets.class.getName());

    private record Open(String commitment, StorageBackend bucket) {
    }

    private final ChainBackend chain;
    private final int netuid;
    private final Optional<String> endpointOverride;
    private final Function<S3Bucket, StorageBackend> opener;
    private final InstantSource clock;
    private final Duration refresh;
    private final Map<Integer, Open> open = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private Instant lastRead = Instant.MIN;

    /**
     * @param endpointOverride replaces the providers' endpoints (MinIO, localnet:
     *                         {@code GENTRX_CHAIN_ENDPOINT_OVERRIDE})
     * @param opener           opens a bucket through the {@code s3} storage plugin
     */
    ChainMinerBuckets(ChainBackend chain, int netuid, Optional<String> endpointOverride,
                      Function<S3Bucket, StorageBackend> opener, InstantSource clock, Duration refresh) {
        this.chain = chain;
        this.netuid = netuid;
        this.endpointOverride = endpointOverride;
        this.opener = opener;
        this.clock = clock;
        this.refresh = refresh;
    }

    @Override
    public synchronized Optional<StorageBackend> apply(int uid) {
        Instant now = clock.instant();
        if (lastRead == Instant.MIN || !now.isBefore(lastRead.plus(refresh))) {
            lastRead = now;
            read();
        }
        return Optional.ofNullable(open.get(uid)).map(Open::bucket);
    }

    /** How many uids have a bucket now. */
    synchronized int size() {
        return open.size();
    }

    private void read() {
        Map<Integer, String> commitments = new HashMap<>();
        try {
            for (Neuron neuron : chain.metagraph(netuid)) {
                chain.commitment(netuid, neuron.hotkey()).ifPresent(c -> commitments.put(neuron.uid(), c));
            }
        } catch (IOException | RuntimeException e) {
            once("chain", "miner buckets: cannot read subnet " + netuid + " commitments (keeping the last view): "
                    + e.getMessage());
            return;
        }
        for (Integer uid : Set.copyOf(open.keySet())) {
            Open held = open.get(uid);
            if (!held.commitment().equals(commitments.get(uid))) {
                close(open.remove(uid).bucket());
            }
        }
        commitments.forEach((uid, text) -> {
            if (open.containsKey(uid)) {
                return;
            }
            try {
                S3Bucket bucket = BucketCommitment.decode(text).bucket(endpointOverride);
                open.put(uid, new Open(text, opener.apply(bucket)));
            } catch (RuntimeException e) {
                once(uid + ":" + text.hashCode(), "miner buckets: uid " + uid + "'s commitment is not a bucket: "
                        + e.getMessage());
            }
        });
    }

    private void once(String key, String message) {
        if (reported.add(key)) {
            LOG.log(System.Logger.Level.WARNING, message);
        }
    }

    private static void close(StorageBackend bucket) {
        try {
            bucket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing a miner bucket: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        open.values().forEach(o -> close(o.bucket()));
        open.clear();
    }
}
