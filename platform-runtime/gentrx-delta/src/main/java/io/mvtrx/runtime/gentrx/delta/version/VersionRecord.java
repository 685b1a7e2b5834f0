package io.mvtrx.runtime.gentrx.delta.version;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.mvtrx.runtime.gentrx.delta.frame.Defect;
import io.mvtrx.runtime.gentrx.delta.frame.TensorFileException;
import io.mvtrx.runtime.gentrx.delta.json.JsonException;
import io.mvtrx.runtime.gentrx.delta.json.JsonFields;
import io.mvtrx.runtime.gentrx.delta.json.JsonParser;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonNumber;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonObject;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonString;
import io.mvtrx.runtime.gentrx.delta.json.JsonWriter;

/**
 * A small JSON pointer the aggregator rewrites each version (doc/gentrx-formats.md §5). As {@code latest.json} it
 * names the newest <em>full</em> checkpoint ({@code key} present); as {@code head.json} it names the current
 * version, reached from that checkpoint by version deltas ({@code key} absent). Member names follow the reference
 * ({@code version}, {@code key}, {@code train_regime_version}, {@code state_hash}) plus our {@code format} and
 * {@code format_version}.
 *
 * @param version            the model version
 * @param checkpointKey      the object key of the full checkpoint at {@code version}, for {@code latest.json}
 * @param trainRegimeVersion the training-regime stamp of the model
 * @param stateHash          the {@link StateHash} of the model at {@code version}, if published
 */
public record VersionRecord(long version, Optional<String> checkpointKey, int trainRegimeVersion,
                            Optional<String> stateHash) {

    /** The {@code "format"} member. */
    public static final String FORMAT = "mvtrx-gentrx-version";
    /** The only {@code "format_version"} this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** Records beyond this many bytes are refused unparsed. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final Set<String> MEMBERS = Set.of("format", "format_version", "version", "key",
            "train_regime_version", "state_hash");

    public VersionRecord {
        if (version < 0) {
            throw new IllegalArgumentException("version must be at least 0, got " + version);
        }
        if (trainRegimeVersion < 0) {
            throw new IllegalArgumentException("train_regime_version must be at least 0, got " + trainRegimeVersion);
        }
        Objects.requireNonNull(checkpointKey, "checkpointKey");
        checkpointKey.ifPresent(key -> {
            if (key.isBlank()) {
                throw new IllegalArgumentException("checkpoint key is blank");
            }
        });
        Objects.requireNonNull(stateHash, "stateHash");
        stateHash.ifPresent(StateHash::requireHex);
    }

    public byte[] toJson() {
        var members = new LinkedHashMap<String, JsonValue>();
        members.put("format", new JsonString(FORMAT));
        members.put("format_version", JsonNumber.of(FORMAT_VERSION));
        members.put("version", JsonNumber.of(version));
        checkpointKey.ifPresent(key -> members.put("key", new JsonString(key)));
        members.put("train_regime_version", JsonNumber.of(trainRegimeVersion));
        stateHash.ifPresent(hash -> members.put("state_hash", new JsonString(hash)));
        return JsonWriter.write(new JsonObject(members)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses an untrusted record.
     *
     * @param source the key or path, for messages
     */
    public static VersionRecord parse(byte[] bytes, String source) {
        if (bytes.length > MAX_BYTES) {
            throw new TensorFileException(Defect.OVERSIZED, source, "version record of " + bytes.length
                    + " bytes exceeds the limit of " + MAX_BYTES + " bytes");
        }
        JsonObject record;
        try {
            var decoder = StandardCharsets.UTF_8.newDecoder();
            record = JsonFields.object(JsonParser.parse(decoder.decode(ByteBuffer.wrap(bytes)).toString()),
                    "record");
        } catch (CharacterCodingException e) {
            throw new TensorFileException(Defect.MALFORMED_HEADER, source, "version record is not valid UTF-8");
        } catch (JsonException e) {
            throw new TensorFileException(Defect.MALFORMED_HEADER, source, e.getMessage());
        }
        JsonValue format = record.members().get("format");
        if (!(format instanceof JsonString name) || !name.value().equals(FORMAT)) {
            throw new TensorFileException(Defect.WRONG_FORMAT, source, "record format is "
                    + (format == null ? "missing" : JsonWriter.write(format)) + ", expected \"" + FORMAT + "\"");
        }
        try {
            long formatVersion = JsonFields.integer(JsonFields.member(record, "format_version", "record"),
                    "format_version", 0, Long.MAX_VALUE);
            if (formatVersion != FORMAT_VERSION) {
                throw new TensorFileException(Defect.UNSUPPORTED_VERSION, source, FORMAT + " format version "
                        + formatVersion + " is not supported; this reader knows version " + FORMAT_VERSION);
            }
            JsonFields.onlyMembers(record, MEMBERS, "record");
            return new VersionRecord(
                    JsonFields.integer(JsonFields.member(record, "version", "record"), "version", 0, Long.MAX_VALUE),
                    JsonFields.optionalMember(record, "key").map(v -> JsonFields.string(v, "key")),
                    (int) JsonFields.integer(JsonFields.member(record, "train_regime_version", "record"),
                            "train_regime_version", 0, Integer.MAX_VALUE),
                    JsonFields.optionalMember(record, "state_hash").map(v -> JsonFields.string(v, "state_hash")));
        } catch (JsonException | IllegalArgumentException e) {
            throw new TensorFileException(Defect.BAD_FIELD, source, "record " + e.getMessage());
        }
    }
}
