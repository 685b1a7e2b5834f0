package io.mvtrx.runtime.gentrx.server;

import io.mvtrx.runtime.gentrx.server.data.DataFeed;
import io.mvtrx.runtime.gentrx.server.data.DataView;
import io.mvtrx.runtime.gentrx.server.data.PageRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pages fixed by the test: book 7 holds one held-out page spanning 150..400 ns; simulation time is 500 ns. */
public final class TestData implements DataFeed {

    final List<byte[]> offered = new ArrayList<>();

    @Override
    public void offer(byte[] tick) {
        if (tick.length == 0) {
            throw new IllegalArgumentException("empty tick");
        }
        offered.add(tick);
    }

    @Override
    public void maintain() {
    }

    @Override
    public DataView view() {
        return new DataView(500, Map.of("7", List.of(new PageRef("7", "150-400.parquet",
                "data/0/7/intervals/held-150-400.parquet", 150, 400))), Map.of("7", 500L));
    }

    @Override
    public void persist() {
    }
}
