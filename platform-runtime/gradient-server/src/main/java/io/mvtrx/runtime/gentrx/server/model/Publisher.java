package io.mvtrx.runtime.gentrx.server.model;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.gentrx.delta.checkpoint.Checkpoint;
import io.mvtrx.runtime.gentrx.delta.checkpoint.CheckpointWriter;
import io.mvtrx.runtime.gentrx.delta.gradient.Gradient;
import io.mvtrx.runtime.gentrx.delta.gradient.GradientCodec;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseDelta;
import io.mvtrx.runtime.gentrx.delta.version.VersionDelta;
import io.mvtrx.runtime.gentrx.delta.version.VersionDeltaCodec;
import io.mvtrx.runtime.gentrx.delta.version.VersionRecord;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Writes what a validator publishes in its own bucket (gentrx.md §3.5, §6.3, §6.5): each round's proposal, and per
 * committed version the delta from the previous one and {@code head.json}; the first version and every
 * {@code checkpointInterval}-th also a full checkpoint and {@code latest.json}. Keeps the newest N of each.
 */
public final class Publisher {

    private final StorageBackend bucket;
    private final StorageLayout layout;
    private final int validatorUid;
    private final PublishPolicy policy;

    public Publisher(StorageBackend bucket, StorageLayout layout, int validatorUid, PublishPolicy policy) {
        this.bucket = bucket;
        this.layout = layout;
        this.validatorUid = validatorUid;
        this.policy = policy;
    }

    /** Puts {@code proposals/<uid>/<round>.grad} and prunes the oldest beyond the policy's count. */
    public void proposal(long round, Gradient aggregate) throws IOException {
        bucket.put(layout.proposal(validatorUid, round), GradientCodec.encode(aggregate));
        prune(layout.proposals(validatorUid), policy.keepProposals());
    }

    /**
     * Publishes the committed {@code checkpoint} reached from the previous version by {@code applied}.
     *
     * @return whether a full checkpoint was written too
     */
    public boolean version(Checkpoint checkpoint, SparseDelta applied) throws IOException {
        long version = checkpoint.modelVersion();
        VersionDelta delta = new VersionDelta(version - 1, version, VersionDelta.smallerBody(applied),
                Optional.empty());
        ByteArrayOutputStream deltaBytes = new ByteArrayOutputStream();
        VersionDeltaCodec.write(delta, deltaBytes);
        bucket.put(layout.delta(validatorUid, version), deltaBytes.toByteArray());
        prune(layout.deltas(validatorUid), policy.keepDeltas());
        boolean full = policy.fullCheckpoint(version);
        if (full) {
            ByteArrayOutputStream checkpointBytes = new ByteArrayOutputStream();
            CheckpointWriter.write(checkpoint, checkpointBytes);
            String key = layout.checkpoint(validatorUid, version);
            bucket.put(key, checkpointBytes.toByteArray());
            bucket.put(layout.latestCheckpoint(validatorUid), new VersionRecord(version,
                    Optional.of(key), checkpoint.trainRegimeVersion(), Optional.empty()).toJson());
            prune(layout.checkpoints(validatorUid), policy.keepCheckpoints());
        }
        bucket.put(layout.head(validatorUid), new VersionRecord(version, Optional.empty(),
                checkpoint.trainRegimeVersion(), Optional.empty()).toJson());
        return full;
    }

    private void prune(String folder, int keep) throws IOException {
        var keys = bucket.list(folder).stream()
                .filter(k -> k.endsWith(StorageLayout.GRADIENT_EXTENSION)
                        || k.endsWith(StorageLayout.CHECKPOINT_EXTENSION))
                .toList();
        for (String key : StorageLayout.toPrune(keys, keep)) {
            bucket.delete(key);
        }
    }
}
