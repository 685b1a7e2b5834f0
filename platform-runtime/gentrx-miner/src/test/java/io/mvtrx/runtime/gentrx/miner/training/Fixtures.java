package io.mvtrx.runtime.gentrx.miner.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.gentrx.data.page.OrderType;
import io.mvtrx.runtime.gentrx.data.page.PageWriter;
import io.mvtrx.runtime.gentrx.data.page.TrainingRow;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.checkpoint.Checkpoint;
import io.mvtrx.runtime.gentrx.delta.checkpoint.CheckpointWriter;
import io.mvtrx.runtime.gentrx.delta.version.DeltaBody;
import io.mvtrx.runtime.gentrx.delta.version.StateHash;
import io.mvtrx.runtime.gentrx.delta.version.VersionDelta;
import io.mvtrx.runtime.gentrx.delta.version.VersionDeltaCodec;
import io.mvtrx.runtime.gentrx.delta.version.VersionRecord;
import io.mvtrx.runtime.gentrx.storage.GentrxMode;
import io.mvtrx.runtime.gentrx.storage.GentrxNetwork;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;
import io.mvtrx.runtime.parquet.WriterOptions;

/** Real pages, checkpoints and deltas, written with gentrx-data's and gentrx-delta's own writers. */
final class Fixtures {

    static final StorageLayout LAYOUT = new StorageLayout(GentrxNetwork.LOCALNET, GentrxMode.SIMULATION);
    static final int AGGREGATOR = 0;
    static final long S = 1_000_000_000L;

    private Fixtures() {
    }

    static StorageBackend fs(Path root) {
        return StorageOpener.serviceLoader().open("fs", Settings.builder("Storage")
                .attribute("root", root.toString()).build());
    }

    /** {@code n} rows one second apart, values varying with the row number. */
    static List<TrainingRow> rows(int n) {
        List<TrainingRow> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            double[] asks = new double[10];
            double[] bids = new double[10];
            for (int i = 0; i < 10; i++) {
                asks[i] = r + 1 + i * 0.25;
                bids[i] = i == 9 ? 0 : 1.5 * i + r;
            }
            long ts = (36_000 + r) * S;
            rows.add(new TrainingRow(ts, OrderType.values()[r % 5], r * 7L - 30, r + 1, (r % 8) / 8f, r * 1_000L,
                    1_000_000L + r, (int) (ts / S % 86_400), r - 20L, asks, bids));
        }
        return rows;
    }

    /** Puts a page of {@code n} rows under {@code relativeKey}. */
    static void putPage(StorageBackend bucket, String relativeKey, int n) throws IOException {
        bucket.put(LAYOUT.full(relativeKey), PageWriter.encode(rows(n), Map.of("gentrx.book", "1"),
                WriterOptions.defaults()));
    }

    static TensorSet model(float[] w, float[] b) {
        return new TensorSet(List.of(new Tensor("w", new int[] {4, 5}, w.clone()),
                new Tensor("b", new int[] {3}, b.clone())));
    }

    static TensorSet copy(TensorSet set) {
        return new TensorSet(set.tensors().stream()
                .map(t -> new Tensor(t.name(), t.shape(), t.values().clone())).toList());
    }

    /** Version 1: w all 1, b all 0.5. */
    static TensorSet v1() {
        float[] w = new float[20];
        Arrays.fill(w, 1f);
        return model(w, new float[] {0.5f, 0.5f, 0.5f});
    }

    /** The change v1 → v2: w[i] += 0.1·i. */
    static TensorSet change12() {
        float[] w = new float[20];
        for (int i = 0; i < 20; i++) {
            w[i] = 0.1f * i;
        }
        return model(w, new float[3]);
    }

    /** A change that adds {@code value} everywhere. */
    static TensorSet constantChange(float value) {
        float[] w = new float[20];
        Arrays.fill(w, value);
        return model(w, new float[] {value, value, value});
    }

    static TensorSet plus(TensorSet model, TensorSet change) {
        TensorSet sum = copy(model);
        for (int t = 0; t < sum.tensors().size(); t++) {
            float[] into = sum.tensors().get(t).values();
            float[] add = change.tensors().get(t).values();
            for (int i = 0; i < into.length; i++) {
                into[i] += add[i];
            }
        }
        return sum;
    }

    static void publishCheckpoint(StorageBackend bucket, long version, TensorSet model) throws IOException {
        var out = new ByteArrayOutputStream();
        CheckpointWriter.write(new Checkpoint(version, 3, Map.of("d_model", "tiny"), Map.of(), Map.of(), model),
                out);
        String key = LAYOUT.checkpoint(AGGREGATOR, version);
        bucket.put(key, out.toByteArray());
        bucket.put(LAYOUT.latestCheckpoint(AGGREGATOR),
                new VersionRecord(version, Optional.of(key), 3, Optional.empty()).toJson());
    }

    /** Publishes the delta {@code version-1 → version} and moves the head; the hash is of {@code hashed}. */
    static void publishDelta(StorageBackend bucket, long version, TensorSet change, TensorSet hashed)
            throws IOException {
        var out = new ByteArrayOutputStream();
        VersionDeltaCodec.write(new VersionDelta(version - 1, version, new DeltaBody.Dense(copy(change)),
                Optional.of(StateHash.of(hashed))), out);
        bucket.put(LAYOUT.delta(AGGREGATOR, version), out.toByteArray());
        publishHead(bucket, version);
    }

    static void publishHead(StorageBackend bucket, long version) throws IOException {
        bucket.put(LAYOUT.head(AGGREGATOR), new VersionRecord(version, Optional.empty(), 3, Optional.empty())
                .toJson());
    }

    static TrainingAssignment assignment(long round, long modelVersion, Path dataRoot, List<String> keys,
                                         Map<String, String> advice) {
        return new TrainingAssignment(round, modelVersion, List.of("1", "2"), 36_000 * S, 36_100 * S, keys,
                new BucketAccess("local", dataRoot.toString(), "", "", ""), AGGREGATOR, LAYOUT.prefix(), advice);
    }
}
