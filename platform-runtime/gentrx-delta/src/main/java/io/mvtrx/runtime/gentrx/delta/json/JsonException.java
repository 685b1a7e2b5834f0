package io.mvtrx.runtime.gentrx.delta.json;

/** Malformed JSON, or a well-formed document without the member or type a reader needs. */
public final class JsonException extends RuntimeException {

    public JsonException(String message) {
        super(message);
    }
}
