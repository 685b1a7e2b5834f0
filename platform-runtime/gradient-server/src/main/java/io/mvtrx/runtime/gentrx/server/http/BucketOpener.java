package io.mvtrx.runtime.gentrx.server.http;

import io.mvtrx.api.spi.storage.StorageBackend;

import java.io.IOException;

/** Opens a registered miner bucket (the CLI binds it to the s3 storage plugin). */
@FunctionalInterface
public interface BucketOpener {

    StorageBackend open(BucketCredentials credentials) throws IOException;
}
