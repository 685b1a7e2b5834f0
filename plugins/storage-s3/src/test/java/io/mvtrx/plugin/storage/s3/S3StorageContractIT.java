package io.mvtrx.plugin.storage.s3;

import java.util.concurrent.atomic.AtomicInteger;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.testkit.storage.StorageBackendContractTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract against a real S3 server (s3proxy on loopback), one fresh bucket per test. */
class S3StorageContractIT extends StorageBackendContractTest {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private static S3ProxyServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected StorageBackend newBackend() {
        String bucket = "contract-" + BUCKETS.incrementAndGet();
        server.createBucket(bucket);
        return S3Storage.open(S3Configs.forServer(server, bucket).build());
    }
}
