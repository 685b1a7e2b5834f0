package io.mvtrx.runtime.bittensor.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * The vectors of {@code shared/reference/bittensor-fixtures/vectors.json}, copied unchanged into this module's test
 * resources as {@code vectors.json}.
 */
final class KeyVectors {

    /** The kinds this module answers for. */
    static final Set<String> KEY_KINDS = Set.of("sr25519-keypair", "sr25519-hdkd", "ss58", "sr25519-signature",
            "sr25519-signature-negative");

    /** The constants this module answers for. */
    static final Set<String> KEY_CONSTANTS = Set.of("const-ss58-prefix", "const-nacl-keyfile",
            "const-polkadotjs-pkcs8");

    private KeyVectors() {
    }

    /** Every vector in the file. */
    static List<JsonObject> all() {
        try (InputStream in = KeyVectors.class.getResourceAsStream("vectors.json");
                JsonReader reader = Json.createReader(in)) {
            return reader.readArray().getValuesAs(JsonObject.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vectors of one kind. */
    static List<JsonObject> ofKind(String kind) {
        return all().stream().filter(v -> v.getString("kind").equals(kind)).toList();
    }

    /** The vector named {@code name}. */
    static JsonObject named(String name) {
        return all().stream().filter(v -> v.getString("name").equals(name)).findFirst().orElseThrow();
    }
}
