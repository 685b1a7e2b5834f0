package io.mvtrx.runtime.parquet;

/** How page bodies are compressed: codecs the JDK implements, with their Thrift {@code CompressionCodec} codes. */
public enum Compression {
    /** Stored as encoded. */
    NONE(0),
    /** A GZIP member per page ({@link java.util.zip.Deflater}); smaller, and much slower to write. */
    GZIP(2);

    private final int code;

    Compression(int code) {
        this.code = code;
    }

    /** The Thrift enum value of {@code CompressionCodec}. */
    public int code() {
        return code;
    }
}
