package io.mvtrx.plugin.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on loopback that answers S3 requests from a script, one scripted reply per request, then
 * {@code 200 OK} with an ETag once the script is used up; it records each request line. It plays the failures a real
 * server shows only under load (503 SlowDown, 500, throttling, 400 RequestTimeout) so tests can count attempts.
 */
final class ScriptedS3Server implements AutoCloseable {

    /** One scripted reply: a status and an S3 error code and message (an XML error body). */
    record Reply(int status, String code, String message) {
    }

    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();

    private ScriptedS3Server() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static ScriptedS3Server start() throws IOException {
        return new ScriptedS3Server();
    }

    /** Queues replies for the next requests. */
    synchronized ScriptedS3Server then(int status, String code, String message) {
        script.add(new Reply(status, code, message));
        return this;
    }

    /** Request lines received, e.g. {@code PUT /bucket/key}. */
    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            Reply reply;
            synchronized (this) {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
                reply = script.poll();
            }
            if (reply == null) {
                succeed(exchange);
                return;
            }
            byte[] xml = String.format("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>%s</Code>"
                            + "<Message>%s</Message><RequestId>scripted</RequestId></Error>", reply.code(),
                    reply.message()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(reply.status(), xml.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(xml);
            }
        }
    }

    private static void succeed(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") && exchange.getRequestURI().getRawQuery() != null
                && exchange.getRequestURI().getRawQuery().contains("list-type=2")) {
            byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult>"
                    + "<Name>b</Name><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
                    + "<Contents><Key>only/key</Key><Size>1</Size></Contents></ListBucketResult>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, xml.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(xml);
            }
            return;
        }
        if (method.equals("GET")) {
            byte[] content = {7, 7, 7};
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
            return;
        }
        exchange.getResponseHeaders().add("ETag", "\"d41d8cd98f00b204e9800998ecf8427e\"");
        exchange.sendResponseHeaders(method.equals("DELETE") ? 204 : 200, -1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
