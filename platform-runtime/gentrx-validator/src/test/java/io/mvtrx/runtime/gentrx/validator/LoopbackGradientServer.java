package io.mvtrx.runtime.gentrx.validator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback answering {@code /gentrx/...} routes with scripted replies, checking
 * {@code X-API-Key} as the reference server does and recording every request.
 */
final class LoopbackGradientServer implements AutoCloseable {

    record Reply(int status, String body) {
    }

    static final String KEY = "k3y";

    private final HttpServer server;
    private final Map<String, Supplier<Reply>> routes = new ConcurrentHashMap<>();
    final List<String> seen = new CopyOnWriteArrayList<>();

    LoopbackGradientServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/gentrx/", this::handle);
        server.start();
    }

    /** Answers {@code METHOD /gentrx/PATH} (path with its query) with what {@code reply} gives at that moment. */
    LoopbackGradientServer route(String methodAndPath, Supplier<Reply> reply) {
        routes.put(methodAndPath, reply);
        return this;
    }

    LoopbackGradientServer route(String methodAndPath, int status, String body) {
        return route(methodAndPath, () -> new Reply(status, body));
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gentrx");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("X-API-Key");
        byte[] body = exchange.getRequestBody().readAllBytes();
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        seen.add(request + " key=" + key + " " + new String(body, StandardCharsets.UTF_8));
        Reply reply;
        if (!KEY.equals(key)) {
            reply = new Reply(401, "{\"error\": \"Invalid or missing X-API-Key\"}");
        } else {
            Supplier<Reply> route = routes.get(request);
            reply = route == null ? new Reply(404, "no route " + request) : route.get();
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), reply.status() == 204 ? -1 : bytes.length);
        if (reply.status() != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
