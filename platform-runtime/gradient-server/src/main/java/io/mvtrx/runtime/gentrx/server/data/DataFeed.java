package io.mvtrx.runtime.gentrx.server.data;

import java.io.IOException;

/** Where {@code POST /state} bytes go and where {@code GET /data-status} and held-out scoring read pages from. */
public interface DataFeed {

    /**
     * Ingests one msgpack tick packet.
     *
     * @throws IllegalArgumentException when the bytes are not a tick packet
     */
    void offer(byte[] tick) throws IOException;

    /** Flushes what is due (tail flushes, wipes); called from the server's loop. */
    void maintain() throws IOException;

    DataView view();

    /** Persists what a restart needs; called on shutdown. */
    void persist() throws IOException;
}
