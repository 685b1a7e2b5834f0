package io.mvtrx.plugin.storage.s3;

import java.net.URI;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server in this JVM: s3proxy over jclouds' in-memory ("transient") blob store, on 127.0.0.1
 * with an ephemeral port, checking AWS V2 or V4 signatures against one key pair. It can be stopped and started
 * again on the same port with its objects kept, to play a server that goes away and comes back.
 */
final class S3ProxyServer implements AutoCloseable {

    static final String ACCESS_KEY = "mvtrx-test-access";
    static final String SECRET_KEY = "mvtrx-test-secret-0123456789";

    private final BlobStoreContext context;
    private S3Proxy proxy;
    private int port;

    private S3ProxyServer() {
        context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .overrides(new Properties())
                .build(BlobStoreContext.class);
    }

    /** Starts a server on an ephemeral port. */
    static S3ProxyServer start() throws Exception {
        S3ProxyServer server = new S3ProxyServer();
        server.startOn(0);
        return server;
    }

    private void startOn(int wanted) throws Exception {
        S3Proxy started = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + wanted))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        started.start();
        if (!"STARTED".equals(started.getState())) {
            throw new IllegalStateException("s3proxy did not start: " + started.getState());
        }
        proxy = started;
        port = started.getPort();
    }

    /** Stops listening; objects are kept. */
    void stop() throws Exception {
        if (proxy != null) {
            proxy.stop();
            proxy = null;
        }
    }

    /** Listens again on the port it had. */
    void restart() throws Exception {
        stop();
        startOn(port);
    }

    /** The blob store behind the server, to create buckets and inspect what is stored. */
    BlobStore blobStore() {
        return context.getBlobStore();
    }

    /** Creates a bucket. */
    void createBucket(String bucket) {
        blobStore().createContainerInLocation(null, bucket);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        } finally {
            context.close();
        }
    }
}
