package io.mvtrx.runtime.gentrx.miner.training;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.storage.StorageBackend;

/**
 * Opens (once, then reuses) the bucket an assignment's {@link BucketAccess} names: {@code local} is a directory
 * through the {@code fs} plugin, {@code s3} a bucket through the {@code s3} plugin. Worker-thread only.
 */
public final class DataBuckets implements AutoCloseable {

    private final StorageOpener opener;
    private final Map<BucketAccess, StorageBackend> open = new LinkedHashMap<>();

    public DataBuckets(StorageOpener opener) {
        this.opener = opener;
    }

    /**
     * @throws IllegalArgumentException naming the source when it is neither {@code local} nor {@code s3}
     */
    public StorageBackend open(BucketAccess access) {
        return open.computeIfAbsent(access, a -> switch (a.source()) {
            case "local" -> opener.open("fs", Settings.builder("Storage").attribute("root", a.endpoint()).build());
            case "s3" -> opener.open("s3", Settings.builder("Storage")
                    .attribute("endpoint", a.endpoint())
                    .attribute("bucket", a.bucket())
                    .attribute("pathStyle", "true")
                    .attribute("accessKey", a.accessKey())
                    .attribute("secretKey", a.secretKey())
                    .build());
            default -> throw new IllegalArgumentException(String.format(
                    "assignment data source '%s' is neither 'local' nor 's3'", a.source()));
        });
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (StorageBackend backend : open.values()) {
            try {
                backend.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
