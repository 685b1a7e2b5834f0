package io.mvtrx.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.plugin.chain.local.LocalChainProvider;
import io.mvtrx.runtime.gentrx.miner.commitment.BucketCommitment;
import io.mvtrx.runtime.gentrx.miner.commitment.S3Bucket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gradient server's view of miner buckets from chain commitments (gentrx.md §3.7). */
class ChainMinerBucketsTest {

    private static final int NETUID = 79;
    private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path temp;

    /** A bucket that only remembers what it was opened with and whether it was closed. */
    record Opened(S3Bucket bucket, boolean[] closed) implements StorageBackend {
        Opened(S3Bucket bucket) {
            this(bucket, new boolean[1]);
        }

        @Override
        public void put(String key, Path source) {
        }

        @Override
        public void put(String key, byte[] content) {
        }

        @Override
        public Optional<InputStream> get(String key) {
            return Optional.empty();
        }

        @Override
        public List<String> list(String prefix) {
            return List.of();
        }

        @Override
        public void delete(String key) {
        }

        @Override
        public void close() {
            closed[0] = true;
        }
    }

    @Test
    void eachCommittedUidGetsItsBucketReopenedOnlyWhenItsCommitmentChangesAndAtMostEveryRefresh() throws Exception {
        try (ChainBackend chain = new LocalChainProvider().create(Settings.builder("chain")
                .attribute("dir", temp.resolve("chain").toString()).build())) {
            chain.register(NETUID, "validator-hotkey", "owner");
            int uid1 = chain.register(NETUID, "miner-1", "owner").uid();
            int uid2 = chain.register(NETUID, "miner-2", "owner").uid();
            chain.commit(NETUID, "miner-1", new BucketCommitment(ACCOUNT, "R".repeat(32), "s".repeat(64)).encode());
            chain.commit(NETUID, "miner-2", "not a bucket commitment");
            AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T00:00:00Z"));
            List<Opened> opened = new ArrayList<>();
            try (ChainMinerBuckets buckets = new ChainMinerBuckets(chain, NETUID, Optional.of("http://127.0.0.1:9000"),
                    s3 -> {
                        Opened o = new Opened(s3);
                        opened.add(o);
                        return o;
                    }, now::get, Duration.ofSeconds(30))) {

                // an R2 account: bucket named as the account, region auto, the override's endpoint, the read key
                assertThat(buckets.apply(uid1)).containsSame(opened.getFirst());
                assertThat(opened.getFirst().bucket()).isEqualTo(new S3Bucket("http://127.0.0.1:9000", "auto",
                        ACCOUNT, "R".repeat(32), "s".repeat(64)));
                assertThat(buckets.apply(uid2)).as("a commitment that is not a bucket").isEmpty();
                assertThat(buckets.apply(0)).as("no commitment").isEmpty();

                // rotated on chain: not seen before the refresh, then reopened and the old one closed
                chain.commit(NETUID, "miner-1", new BucketCommitment(ACCOUNT, "Q".repeat(32), "t".repeat(64))
                        .encode());
                now.set(now.get().plusSeconds(29));
                assertThat(buckets.apply(uid1)).containsSame(opened.getFirst());
                now.set(now.get().plusSeconds(1));
                assertThat(buckets.apply(uid1)).containsSame(opened.get(1));
                assertThat(opened.get(1).bucket().accessKey()).isEqualTo("Q".repeat(32));
                assertThat(opened.getFirst().closed()[0]).isTrue();

                // unchanged on the next refresh: the same bucket, nothing reopened
                now.set(now.get().plusSeconds(30));
                assertThat(buckets.apply(uid1)).containsSame(opened.get(1));
                assertThat(opened).hasSize(2);
                assertThat(buckets.size()).isEqualTo(1);
            }
            assertThat(opened.get(1).closed()[0]).isTrue();
        }
    }
}
