package io.mvtrx.runtime.subtensor;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A Subtensor node on loopback for tests: a minimal RFC 6455 WebSocket server speaking JSON-RPC. Answers, in order:
 * the test's own answers ({@link #answer}), then the recordings of one fixture (params compared as JSON with hex
 * strings' {@code 0x} dropped; {@code state_getStorage} and {@code state_getStorageAt} alike), then the metadata file
 * for {@code state_getMetadata}. Anything else is answered with error -32601 and remembered in {@link #unexpected()}.
 * Every request is kept in {@link #requests()}, every submitted extrinsic in {@link #submitted()}.
 */
final class FakeSubtensorNode implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final String fixture;
    private final Map<String, Function<JsonArray, JsonValue>> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final List<byte[]> submitted = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger dropRequests = new AtomicInteger();
    private volatile String metadataHex;

    FakeSubtensorNode(String fixture) throws IOException {
        this.fixture = fixture;
        this.metadataHex = Fixtures.text("metadata-v14.hex");
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fake-subtensor-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort());
    }

    /** Answers {@code method} with what {@code answer} returns for the params; null falls through to recordings. */
    FakeSubtensorNode answer(String method, Function<JsonArray, JsonValue> answer) {
        answers.put(method, answer);
        return this;
    }

    /** Answers {@code method} with a fixed string result. */
    FakeSubtensorNode answer(String method, String result) {
        return answer(method, params -> Json.createValue(result));
    }

    /** Serves other metadata than the spec-343 V14 file. */
    FakeSubtensorNode metadata(String hex) {
        this.metadataHex = hex;
        return this;
    }

    /** Closes the connection instead of answering the next {@code n} requests. */
    void dropNext(int n) {
        dropRequests.set(n);
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    List<byte[]> submitted() {
        return List.copyOf(submitted);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread t = new Thread(() -> serve(socket), "fake-subtensor-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            handshake(in, out);
            DataInputStream data = new DataInputStream(in);
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (true) {
                int b0 = data.readUnsignedByte();
                int b1 = data.readUnsignedByte();
                long length = b1 & 0x7f;
                if (length == 126) {
                    length = data.readUnsignedShort();
                } else if (length == 127) {
                    length = data.readLong();
                }
                byte[] mask = new byte[4];
                if ((b1 & 0x80) != 0) {
                    data.readFully(mask);
                }
                byte[] payload = new byte[(int) length];
                data.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                int opcode = b0 & 0x0f;
                if (opcode == 8) {
                    send(out, 8, new byte[0]);
                    return;
                }
                if (opcode == 9) {
                    send(out, 10, payload);
                    continue;
                }
                message.writeBytes(payload);
                if ((b0 & 0x80) == 0) {
                    continue;
                }
                String text = message.toString(StandardCharsets.UTF_8);
                message.reset();
                if (dropRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    requests.add("dropped " + text);
                    return;
                }
                send(out, 1, respond(text).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // connection ended
        }
    }

    private static void handshake(InputStream in, OutputStream out) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed during handshake");
            }
            head.append((char) c);
        }
        String key = null;
        for (String line : head.toString().split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
                key = line.substring(colon + 1).trim();
            }
        }
        if (key == null) {
            throw new IOException("no Sec-WebSocket-Key");
        }
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static synchronized void send(OutputStream out, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length < 65536) {
            frame.write(126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        } else {
            frame.write(127);
            long n = payload.length;
            for (int i = 7; i >= 0; i--) {
                frame.write((int) (n >>> (8 * i)));
            }
        }
        frame.writeBytes(payload);
        out.write(frame.toByteArray());
        out.flush();
    }

    private String respond(String text) {
        requests.add(text);
        JsonObject request = Fixtures.parse(text).asJsonObject();
        JsonValue id = request.get("id");
        String method = request.getString("method");
        JsonArray params = request.containsKey("params") ? request.getJsonArray("params")
                : Json.createArrayBuilder().build();
        JsonObjectBuilder reply = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id);
        try {
            if (method.equals("author_submitExtrinsic")) {
                submitted.add(hex(params.getString(0)));
            }
            Function<JsonArray, JsonValue> own = answers.get(method);
            JsonValue result = own != null ? own.apply(params) : null;
            if (result == null) {
                result = recorded(method, params);
            }
            if (result == null && method.equals("state_getMetadata")) {
                result = Json.createValue(metadataHex);
            }
            if (result == null && (method.equals("state_getStorage") || method.equals("state_getStorageAt"))) {
                result = JsonValue.NULL; // nothing stored: the client falls back to the item's default
            }
            if (result == null) {
                unexpected.add(method + " " + params);
                return reply.add("error", Json.createObjectBuilder().add("code", -32601)
                        .add("message", "fake node: no answer for " + method + " " + params)).build().toString();
            }
            return reply.add("result", result).build().toString();
        } catch (RpcError e) {
            return reply.add("error", Json.createObjectBuilder().add("code", e.code).add("message", e.getMessage())
                    .add("data", e.data)).build().toString();
        }
    }

    /** Thrown by an answer to reply with a JSON-RPC error. */
    static final class RpcError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;
        final String data;

        RpcError(int code, String message, String data) {
            super(message);
            this.code = code;
            this.data = data;
        }
    }

    private JsonValue recorded(String method, JsonArray params) {
        String m = method.equals("state_getStorage") ? "state_getStorageAt" : method;
        JsonArray wanted = normalized(params);
        for (JsonValue v : Fixtures.recordings()) {
            JsonObject r = v.asJsonObject();
            if (r.isNull("fixture") || !r.getString("fixture").equals(fixture) || !r.getString("method").equals(m)
                    || r.isNull("params")) {
                continue;
            }
            if (normalized(r.getJsonArray("params")).equals(wanted)) {
                return r.get("result");
            }
        }
        return null;
    }

    private static JsonArray normalized(JsonArray params) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (JsonValue p : params) {
            if (p instanceof JsonString s && s.getString().startsWith("0x")) {
                out.add(s.getString().substring(2));
            } else {
                out.add(p);
            }
        }
        return out.build();
    }

    static byte[] hex(String text) {
        return java.util.HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2) : text);
    }

    /** Every request of {@code method}, as its params. */
    List<JsonArray> paramsOf(String method) {
        List<JsonArray> out = new ArrayList<>();
        for (String r : requests) {
            if (r.startsWith("dropped ")) {
                continue;
            }
            JsonObject o = Fixtures.parse(r).asJsonObject();
            if (o.getString("method").equals(method)) {
                out.add(o.getJsonArray("params"));
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
