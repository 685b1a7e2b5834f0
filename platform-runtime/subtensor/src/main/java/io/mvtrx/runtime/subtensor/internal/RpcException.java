package io.mvtrx.runtime.subtensor.internal;

import java.io.IOException;

/** The node answered a request with a JSON-RPC error (the node is healthy; retrying would not help). */
public final class RpcException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String data;

    public RpcException(String method, int code, String message, String data) {
        super(String.format("%s: error %d: %s%s", method, code, message, data.isEmpty() ? "" : " (" + data + ")"));
        this.code = code;
        this.data = data;
    }

    /** The JSON-RPC error code (1010 = invalid transaction). */
    public int code() {
        return code;
    }

    /** The error's {@code data} text, empty when none. */
    public String data() {
        return data;
    }
}
