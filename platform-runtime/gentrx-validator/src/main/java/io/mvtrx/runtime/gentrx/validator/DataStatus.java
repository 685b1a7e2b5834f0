package io.mvtrx.runtime.gentrx.validator;

import java.util.List;

/**
 * What a gradient server's {@code GET /gentrx/data-status} reports (gentrx.md §2.1).
 *
 * @param maxTsNs      the newest simulation time it has ingested
 * @param version      its model version (assignments carry it)
 * @param round        its aggregation round
 * @param bucketPrefix the shard prefix its keys are relative to; empty when it does not say
 * @param pages        every page it lists, books in its order
 */
public record DataStatus(long maxTsNs, long version, long round, String bucketPrefix, List<DataPage> pages) {

    public DataStatus {
        pages = List.copyOf(pages);
    }
}
