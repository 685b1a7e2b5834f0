package io.mvtrx.runtime.gentrx.server.data;

import io.mvtrx.runtime.gentrx.data.ingest.DataStatus;
import io.mvtrx.runtime.gentrx.data.ingest.IngestStateCodec;
import io.mvtrx.runtime.gentrx.data.ingest.TickIngest;
import io.mvtrx.runtime.gentrx.data.page.PageRecord;
import io.mvtrx.runtime.gentrx.data.tick.TickDecoder;
import io.mvtrx.runtime.gentrx.data.tick.TickFormatException;
import io.mvtrx.runtime.gentrx.data.tick.TickPacket;
import io.mvtrx.runtime.gentrx.server.state.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gentrx-data ingest behind {@link DataFeed}: ticks replayed into pages, staging kept in the state directory. */
public final class TickFeed implements DataFeed {

    private static final String STAGING = "ingest.state";

    private final TickIngest ingest;
    private final Path stagingFile;

    /** Wraps {@code ingest}, restoring its staging from {@code stateDir} when a previous run left one. */
    public TickFeed(TickIngest ingest, Path stateDir) throws IOException {
        this.ingest = ingest;
        this.stagingFile = stateDir.resolve(STAGING);
        if (Files.exists(stagingFile)) {
            ingest.restore(IngestStateCodec.decode(Files.readAllBytes(stagingFile), stagingFile.toString()));
        }
    }

    @Override
    public void offer(byte[] tick) throws IOException {
        TickPacket packet;
        try {
            packet = TickDecoder.decode(tick);
        } catch (TickFormatException e) {
            throw new IllegalArgumentException("not a tick packet: " + e.getMessage(), e);
        }
        ingest.offer(packet);
    }

    @Override
    public void maintain() throws IOException {
        ingest.maintain();
    }

    @Override
    public DataView view() {
        DataStatus status = ingest.dataStatus();
        Map<String, List<PageRef>> pages = new LinkedHashMap<>();
        Map<String, Long> maxTs = new LinkedHashMap<>();
        status.books().forEach((book, entry) -> {
            List<PageRef> refs = new ArrayList<>();
            for (PageRecord page : entry.pages()) {
                refs.add(new PageRef(Integer.toString(book), page.fileName(), page.key(), page.firstTs(),
                        page.lastTs()));
            }
            pages.put(Integer.toString(book), refs);
            maxTs.put(Integer.toString(book), entry.maxTs());
        });
        return new DataView(status.maxTs(), pages, maxTs);
    }

    @Override
    public void persist() throws IOException {
        AtomicFiles.write(stagingFile, IngestStateCodec.encode(ingest.snapshot()));
    }
}
