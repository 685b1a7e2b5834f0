package io.mvtrx.runtime.subtensor.fakenode;

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
public final class FakeSubtensorNode implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final String fixture;
    private final Map<String, Function<JsonArray, JsonValue>> answers = new ConcurrentHashMap<>();
    private final Map<String, String> storage = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final List<byte[]> submitted = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger dropRequests = new AtomicInteger();
    private volatile String metadataHex;

    public FakeSubtensorNode(String fixture) throws IOException {
        this.fixture = fixture;
        this.metadataHex = Fixtures.text("metadata-v14.hex");
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fake-subtensor-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort());
    }

    /** Answers {@code method} with what {@code answer} returns for the params; null falls through to recordings. */
    public FakeSubtensorNode answer(String method, Function<JsonArray, JsonValue> answer) {
        answers.put(method, answer);
        return this;
    }

    /** Finney's genesis hash, what the node answers for block 0. */
    public static final String GENESIS = "0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03";
    /** The hash the node gives block 5,000,000, the birth block of every era it signs against. */
    public static final String BIRTH = "0x" + "11".repeat(32);
    /** The finalized head's hash; its header says block 5,000,000. */
    public static final String FINALIZED = "0x" + "f1".repeat(32);

    /**
     * What signing needs, as in the reference's extrinsic vector: genesis, runtime spec 343 / tx 1, finalized head
     * at block 5,000,000 whose hash is {@link #BIRTH}, nonce 7 for every account, submissions answered with a hash.
     */
    public FakeSubtensorNode signingChain() {
        return answer("chain_getBlockHash", p -> switch ((int) p.getJsonNumber(0).longValue()) {
            case 0 -> Json.createValue(GENESIS);
            case 5_000_000 -> Json.createValue(BIRTH);
            default -> null;
        })
                .answer("state_getRuntimeVersion", p -> Json.createObjectBuilder().add("specName", "node-subtensor")
                        .add("specVersion", 343).add("transactionVersion", 1).build())
                .answer("chain_getFinalizedHead", FINALIZED)
                .answer("chain_getHeader", p -> !p.isEmpty() && !p.isNull(0) && p.getString(0).equals(FINALIZED)
                        ? Json.createObjectBuilder().add("number", "0x4c4b40").build() : null)
                .answer("account_nextIndex", p -> Json.createValue(7))
                .answer("author_submitExtrinsic", p -> Json.createValue("0x" + "ab".repeat(32)));
    }

    /**
     * Answers {@code get_neurons_lite(netuid)} with the given neurons (uid = position; stake 0; axon 0.0.0.0 unless
     * given as {@code a.b.c.d:port}) and {@code get_subnet_state(netuid)} with None.
     */
    public FakeSubtensorNode subnet(int netuid, List<byte[]> hotkeys, List<Boolean> permits, List<String> axons) {
        io.mvtrx.runtime.subtensor.internal.ScaleWriter w = new io.mvtrx.runtime.subtensor.internal.ScaleWriter()
                .compact(hotkeys.size());
        for (int uid = 0; uid < hotkeys.size(); uid++) {
            w.raw(hotkeys.get(uid)).raw(new byte[32]).compact(uid).compact(netuid).bool(true);
            String axon = axons.get(uid);
            java.math.BigInteger ip = java.math.BigInteger.ZERO;
            int port = 0;
            if (!axon.isEmpty()) {
                String[] parts = axon.split(":");
                try {
                    ip = new java.math.BigInteger(1, InetAddress.getByName(parts[0]).getAddress());
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalArgumentException(axon, e);
                }
                port = Integer.parseInt(parts[1]);
            }
            w.u64(0).u32(0).u128(ip).u16(port).u8(4).u8(4).u8(0).u8(0); // axon
            w.u64(0).u32(0).u128(java.math.BigInteger.ZERO).u16(0).u8(0); // prometheus
            w.compact(0); // stake
            for (int i = 0; i < 7; i++) {
                w.compact(0); // rank, emission, incentive, consensus, trust, validator_trust, dividends
            }
            w.compact(0).bool(permits.get(uid)).compact(0); // last_update, validator_permit, pruning_score
        }
        String lite = "0x" + java.util.HexFormat.of().formatHex(w.toBytes());
        String arg = java.util.HexFormat.of().formatHex(new byte[] {(byte) netuid, (byte) (netuid >>> 8)});
        java.util.function.Function<JsonArray, JsonValue> previous = answers.get("state_call");
        return answer("state_call", p -> {
            String a = p.getString(1).startsWith("0x") ? p.getString(1).substring(2) : p.getString(1);
            if (a.equals(arg) && p.getString(0).equals("NeuronInfoRuntimeApi_get_neurons_lite")) {
                return Json.createValue(lite);
            }
            if (a.equals(arg) && p.getString(0).equals("SubnetInfoRuntimeApi_get_subnet_state")) {
                return Json.createValue("0x00");
            }
            return previous == null ? null : previous.apply(p);
        });
    }

    /** Stores {@code valueHex} under {@code keyHex} (both with or without 0x), answered before anything else. */
    public FakeSubtensorNode storage(String keyHex, String valueHex) {
        storage.put(plainHex(keyHex), "0x" + plainHex(valueHex));
        return this;
    }

    /** The SubtensorModule storage key of a u16-keyed item (Identity hasher), e.g. {@code Tempo(79)}. */
    public static String subtensorKey(String item, int netuid) {
        return java.util.HexFormat.of().formatHex(io.mvtrx.runtime.subtensor.internal.Hashing.twox128(
                "SubtensorModule")) + java.util.HexFormat.of().formatHex(
                io.mvtrx.runtime.subtensor.internal.Hashing.twox128(item))
                + java.util.HexFormat.of().formatHex(new byte[] {(byte) netuid, (byte) (netuid >>> 8)});
    }

    private static String plainHex(String hex) {
        return hex.startsWith("0x") ? hex.substring(2) : hex;
    }

    /** Answers {@code method} with a fixed string result. */
    public FakeSubtensorNode answer(String method, String result) {
        return answer(method, params -> Json.createValue(result));
    }

    /** Serves other metadata than the spec-343 V14 file. */
    public FakeSubtensorNode metadata(String hex) {
        this.metadataHex = hex;
        return this;
    }

    /** Closes the connection instead of answering the next {@code n} requests. */
    public void dropNext(int n) {
        dropRequests.set(n);
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    public List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    public List<byte[]> submitted() {
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
            JsonValue result = null;
            if ((method.equals("state_getStorage") || method.equals("state_getStorageAt"))
                    && storage.containsKey(plainHex(params.getString(0)))) {
                result = Json.createValue(storage.get(plainHex(params.getString(0))));
            }
            if (result == null && own != null) {
                result = own.apply(params);
            }
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
    public static final class RpcError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;
        final String data;

        public RpcError(int code, String message, String data) {
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

    public static byte[] hex(String text) {
        return java.util.HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2) : text);
    }

    /**
     * The call of a signed v4 extrinsic, after checking it byte by byte as the node would: length, version, the
     * signer, the era this node signs against (period 128 at block 5,000,000), nonce 7, no tip, no metadata hash,
     * and the sr25519 signature over the payload rebuilt with this node's spec (343/1), genesis and birth hash.
     *
     * @throws AssertionError naming the first difference
     */
    public static byte[] verifiedCall(byte[] extrinsic, byte[] signerPublicKey) {
        io.mvtrx.runtime.subtensor.internal.ScaleReader in = new io.mvtrx.runtime.subtensor.internal.ScaleReader(
                extrinsic);
        check(in.compact() == in.remaining(), "length prefix");
        check(in.u8() == 0x84 && in.u8() == 0, "signed v4 with an account id");
        check(java.util.Arrays.equals(in.raw(32), signerPublicKey), "signer");
        check(in.u8() == 1, "sr25519 signature");
        byte[] signature = in.raw(64);
        int extraStart = in.position();
        check(in.u8() == 0x06 && in.u8() == 0x04, "era period 128 at block 5,000,000");
        check(in.compact() == 7, "nonce 7");
        check(in.compact() == 0, "tip 0");
        check(in.u8() == 0, "metadata hash disabled");
        byte[] extra = java.util.Arrays.copyOfRange(extrinsic, extraStart, in.position());
        byte[] call = in.raw(in.remaining());
        byte[] payload = new io.mvtrx.runtime.subtensor.internal.ScaleWriter().raw(call).raw(extra).u32(343).u32(1)
                .raw(hex(GENESIS)).raw(hex(BIRTH)).u8(0).toBytes();
        byte[] message = payload.length > 256 ? io.mvtrx.runtime.subtensor.internal.Hashing.blake2b256(payload)
                : payload;
        check(io.mvtrx.runtime.bittensor.keys.Sr25519.verify(signerPublicKey, message, signature),
                "signature over the rebuilt payload");
        return call;
    }

    /** A decoded {@code set_mechanism_weights} call. */
    public record MechanismWeights(int netuid, int mechanism, List<Integer> uids, List<Integer> values,
                                   long versionKey) {

        /** Decodes the call (SubtensorModule 7, call 119). */
        public static MechanismWeights decode(byte[] call) {
            io.mvtrx.runtime.subtensor.internal.ScaleReader in = new io.mvtrx.runtime.subtensor.internal.ScaleReader(
                    call);
            check(in.u8() == 7 && in.u8() == 119, "SubtensorModule.set_mechanism_weights (7, 119)");
            int netuid = in.u16();
            int mechanism = in.u8();
            List<Integer> uids = u16s(in);
            List<Integer> values = u16s(in);
            long version = in.u64();
            check(in.atEnd(), "no bytes after version_key");
            return new MechanismWeights(netuid, mechanism, uids, values, version);
        }

        private static List<Integer> u16s(io.mvtrx.runtime.subtensor.internal.ScaleReader in) {
            int n = (int) in.compact();
            List<Integer> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(in.u16());
            }
            return out;
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("submitted extrinsic: unexpected " + what);
        }
    }

    /** Every request of {@code method}, as its params. */
    public List<JsonArray> paramsOf(String method) {
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
