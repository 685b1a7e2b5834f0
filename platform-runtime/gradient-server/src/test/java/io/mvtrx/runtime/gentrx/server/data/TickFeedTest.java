package io.mvtrx.runtime.gentrx.server.data;

import io.mvtrx.plugin.storage.fs.FsStorage;
import io.mvtrx.runtime.gentrx.data.ingest.IngestSettings;
import io.mvtrx.runtime.gentrx.data.ingest.TickIngest;
import io.mvtrx.runtime.gentrx.data.page.PageStore;
import io.mvtrx.runtime.gentrx.storage.GentrxMode;
import io.mvtrx.runtime.gentrx.storage.GentrxNetwork;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;
import io.mvtrx.runtime.parquet.WriterOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TickFeedTest {

    @TempDir
    Path dir;

    private TickFeed feed(FsStorage storage) throws Exception {
        PageStore pages = new PageStore(storage, new StorageLayout(GentrxNetwork.LOCALNET, GentrxMode.SIMULATION), 0,
                PageStore.DEFAULT_CAP, WriterOptions.defaults());
        return new TickFeed(new TickIngest(pages, IngestSettings.defaults(), InstantSource.system()),
                dir.resolve("state"));
    }

    @Test
    void bytesThatAreNotATickAreRefusedAsBadInputAndTheStagingSurvivesARestart() throws Exception {
        try (FsStorage storage = FsStorage.open(dir.resolve("bucket"))) {
            TickFeed feed = feed(storage);
            assertThatThrownBy(() -> feed.offer(new byte[] {(byte) 0xc1}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a tick packet: ");
            assertThat(feed.view().maxTs()).isZero();
            assertThat(feed.view().pagesByBook()).isEmpty();
            feed.persist();
            assertThat(dir.resolve("state/ingest.state")).exists();
            assertThat(feed(storage).view().maxTs()).isZero(); // restored from the staging file
        }
    }
}
