package io.mvtrx.runtime.bittensor.axon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.runtime.bittensor.axon.internal.Json;

/** Test data from the classpath: the specification's vectors and the Python-made payloads. */
public final class TestResources {

    private TestResources() {
    }

    /** A JSON resource as a value tree. */
    public static Object json(String resource) {
        try (InputStream in = TestResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            return Json.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vector named {@code name} from bittensor-fixtures/vectors.json. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> vector(String name) {
        for (Object v : (List<Object>) json("/bittensor/vectors.json")) {
            Map<String, Object> m = (Map<String, Object>) v;
            if (name.equals(m.get("name"))) {
                return m;
            }
        }
        throw new IllegalArgumentException("no vector " + name);
    }

    /** Every vector of a kind. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> vectors(String kind) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object v : (List<Object>) json("/bittensor/vectors.json")) {
            Map<String, Object> m = (Map<String, Object>) v;
            if (kind.equals(m.get("kind"))) {
                out.add(m);
            }
        }
        return out;
    }

    /** The Python-made vectors (make_vectors.py). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> python() {
        return (Map<String, Object>) json("/axon/python-vectors.json");
    }

    /** JSON numbers with a fraction as Double (how msgpack hands floats over). */
    public static Object floats(Object value) {
        return switch (value) {
            case BigDecimal d -> d.doubleValue();
            case List<?> list -> list.stream().map(TestResources::floats).toList();
            case Map<?, ?> map -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, floats(v)));
                yield out;
            }
            case null -> null;
            default -> value;
        };
    }
}
