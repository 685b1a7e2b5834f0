package io.mvtrx.runtime.gentrx.delta.frame;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.mvtrx.runtime.gentrx.delta.json.JsonException;
import io.mvtrx.runtime.gentrx.delta.json.JsonFields;
import io.mvtrx.runtime.gentrx.delta.json.JsonParser;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonObject;
import io.mvtrx.runtime.gentrx.delta.json.JsonWriter;

/**
 * The frame every GenTRX file starts with: an unsigned 64-bit little-endian header length {@code N}, then {@code N}
 * bytes of UTF-8 JSON (a single object), padded with spaces so the body that follows starts at a multiple of 8.
 * The header carries {@code "format"} (the file kind) and {@code "format_version"}; the body layout is the kind's.
 */
public final class HeaderFrame {

    /** Bytes of the length prefix. */
    public static final int PREFIX_BYTES = 8;
    /** Headers beyond this are refused before any allocation (a full model's table is about 20 KB). */
    public static final int MAX_HEADER_BYTES = 1 << 20;

    private HeaderFrame() {
    }

    /** The prefix and padded header, ready to write before the body. */
    public static byte[] encode(JsonObject header) {
        byte[] json = JsonWriter.write(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + PREFIX_BYTES + 7) / 8 * 8 - PREFIX_BYTES;
        if (padded > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("header of " + padded + " bytes exceeds " + MAX_HEADER_BYTES);
        }
        var frame = ByteBuffer.allocate(PREFIX_BYTES + padded).order(ByteOrder.LITTLE_ENDIAN);
        frame.putLong(padded).put(json);
        byte[] bytes = frame.array();
        Arrays.fill(bytes, PREFIX_BYTES + json.length, bytes.length, (byte) ' ');
        return bytes;
    }

    public static void write(OutputStream out, JsonObject header) throws IOException {
        out.write(encode(header));
    }

    /**
     * Reads and parses the header, checking the length against the header limit and the bytes left in the file,
     * and checking {@code "format"} and {@code "format_version"}.
     *
     * @param fileBytes the whole file's size, known before reading
     */
    public static JsonObject read(LittleEndianInput in, long fileBytes, String format, int version, String source)
            throws IOException {
        if (fileBytes < PREFIX_BYTES) {
            throw new TensorFileException(Defect.TRUNCATED, source,
                    "file of " + fileBytes + " bytes is shorter than the " + PREFIX_BYTES + "-byte header length");
        }
        long length = in.readLong();
        if (length <= 0 || length > MAX_HEADER_BYTES) {
            throw new TensorFileException(Defect.HEADER_LENGTH, source,
                    "header length " + Long.toUnsignedString(length) + " is outside [1, " + MAX_HEADER_BYTES + "]");
        }
        if (length > fileBytes - PREFIX_BYTES) {
            throw new TensorFileException(Defect.HEADER_LENGTH, source, "header length " + length
                    + " exceeds the " + (fileBytes - PREFIX_BYTES) + " bytes after the length prefix");
        }
        byte[] raw = new byte[(int) length];
        in.readFully(raw);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new TensorFileException(Defect.MALFORMED_HEADER, source, "header is not valid UTF-8");
        }
        JsonObject header;
        try {
            JsonValue value = JsonParser.parse(text);
            header = JsonFields.object(value, "header");
        } catch (JsonException e) {
            throw new TensorFileException(Defect.MALFORMED_HEADER, source, e.getMessage());
        }
        JsonValue formatValue = header.members().get("format");
        if (!(formatValue instanceof JsonValue.JsonString name) || !name.value().equals(format)) {
            throw new TensorFileException(Defect.WRONG_FORMAT, source,
                    "header format is " + describe(formatValue) + ", expected \"" + format + "\"");
        }
        JsonValue versionValue = header.members().get("format_version");
        if (!(versionValue instanceof JsonValue.JsonNumber number) || number.value().signum() < 0
                || number.value().stripTrailingZeros().scale() > 0) {
            throw new TensorFileException(Defect.BAD_FIELD, source,
                    "format_version must be a non-negative integer, got " + describe(versionValue));
        }
        if (number.value().compareTo(BigDecimal.valueOf(version)) != 0) {
            throw new TensorFileException(Defect.UNSUPPORTED_VERSION, source, format + " format version "
                    + number.value().toPlainString() + " is not supported; this reader knows version " + version);
        }
        return header;
    }

    private static String describe(JsonValue value) {
        return value == null ? "missing" : JsonWriter.write(value);
    }
}
