package io.mvtrx.runtime.gentrx.miner.training;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.checkpoint.Checkpoint;
import io.mvtrx.runtime.gentrx.delta.checkpoint.CheckpointReader;
import io.mvtrx.runtime.gentrx.delta.version.VersionDelta;
import io.mvtrx.runtime.gentrx.delta.version.VersionDeltaCodec;
import io.mvtrx.runtime.gentrx.delta.version.VersionRecord;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;

/**
 * Keeps the miner's model at the aggregator's version (gentrx.md §6.6). The target is the highest of the assigned
 * version, {@code latest.json} and {@code head.json} (head names the current version, which deltas reach from the
 * latest full checkpoint; the reference reads only latest.json, which would leave miners a few versions behind
 * between full checkpoints). With a model loaded, the deltas {@code v(cur+1)..v(target)} are applied in order; on a
 * gap, a published state hash that does not match, or a target below the loaded version (a rollback), the latest
 * full checkpoint is loaded and its following deltas replayed. Worker-thread only.
 */
final class ModelSync {

    private long current = -1;

    /** The version loaded, or -1 before the first sync. */
    long current() {
        return current;
    }

    /**
     * @throws IOException naming the key when the bucket fails or the published model cannot reach the target
     */
    SyncResult sync(StorageBackend bucket, StorageLayout layout, int aggregatorUid, long assigned,
                    ModelTrainer trainer) throws IOException {
        Optional<VersionRecord> latest = record(bucket, layout.latestCheckpoint(aggregatorUid));
        Optional<VersionRecord> head = record(bucket, layout.head(aggregatorUid));
        long target = Math.max(assigned, Math.max(latest.map(VersionRecord::version).orElse(0L),
                head.map(VersionRecord::version).orElse(0L)));
        if (current == target) {
            return new SyncResult(target, SyncPath.UNCHANGED, 0);
        }
        if (current >= 0 && current < target) {
            TensorSet model = trainer.parameters();
            Optional<Integer> applied = replay(bucket, layout, aggregatorUid, model, current, target);
            if (applied.isPresent()) {
                trainer.load(model);
                current = target;
                return new SyncResult(target, SyncPath.DELTAS, applied.get());
            }
        }
        if (latest.isEmpty()) {
            if (target == 0) {
                current = 0;
                return new SyncResult(0, SyncPath.SEED, 0);
            }
            throw new IOException(String.format("cannot reach model version %d: %s is absent", target,
                    layout.latestCheckpoint(aggregatorUid)));
        }
        VersionRecord baseline = latest.get();
        String key = baseline.checkpointKey().orElse(layout.checkpoint(aggregatorUid, baseline.version()));
        ParameterLayout expected = ParameterLayout.of(trainer.parameters());
        byte[] bytes = bytes(bucket, key).orElseThrow(() -> new IOException(String.format(
                "cannot reach model version %d: checkpoint %s named by %s is absent", baseline.version(), key,
                layout.latestCheckpoint(aggregatorUid))));
        Checkpoint checkpoint = CheckpointReader.read(new ByteArrayInputStream(bytes), bytes.length,
                Optional.of(expected), key);
        TensorSet model = checkpoint.tensors();
        long from = checkpoint.modelVersion();
        long reach = Math.max(target, from);
        Optional<Integer> applied = replay(bucket, layout, aggregatorUid, model, from, reach);
        if (applied.isEmpty()) {
            throw new IOException(String.format("cannot reach model version %d from checkpoint %s (version %d): a "
                    + "delta under %s is missing or does not verify", reach, key, from,
                    layout.deltas(aggregatorUid)));
        }
        trainer.load(model);
        current = reach;
        return new SyncResult(reach, SyncPath.CHECKPOINT, applied.get());
    }

    /** Applies deltas {@code from+1..to} in place; empty on a gap or a hash mismatch (the model is then spoilt). */
    private static Optional<Integer> replay(StorageBackend bucket, StorageLayout layout, int aggregatorUid,
                                            TensorSet model, long from, long to) throws IOException {
        ParameterLayout parameters = ParameterLayout.of(model);
        int applied = 0;
        for (long version = from + 1; version <= to; version++) {
            String key = layout.delta(aggregatorUid, version);
            Optional<byte[]> bytes = bytes(bucket, key);
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            VersionDelta delta = VersionDeltaCodec.read(new ByteArrayInputStream(bytes.get()), bytes.get().length,
                    parameters, VersionDeltaCodec.defaultMaxBytes(parameters), key);
            if (delta.fromVersion() != version - 1 || delta.toVersion() != version) {
                throw new IOException(String.format("%s takes version %d to %d, expected %d to %d", key,
                        delta.fromVersion(), delta.toVersion(), version - 1, version));
            }
            delta.applyTo(model);
            if (!delta.verifies(model)) {
                return Optional.empty();
            }
            applied++;
        }
        return Optional.of(applied);
    }

    private static Optional<VersionRecord> record(StorageBackend bucket, String key) throws IOException {
        return bytes(bucket, key).map(bytes -> VersionRecord.parse(bytes, key));
    }

    private static Optional<byte[]> bytes(StorageBackend bucket, String key) throws IOException {
        Optional<InputStream> in = bucket.get(key);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            return Optional.of(stream.readAllBytes());
        }
    }
}
