package io.mvtrx.runtime.dashboard.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonWriterTest {

    @Test
    void writesNestedContainersWithCommasInPlace() {
        String json = new JsonWriter().beginObject().member("a", 1).name("b").beginArray().value(2).value("x")
                .beginObject().endObject().endArray().member("c", true).endObject().toString();

        assertThat(json).isEqualTo("{\"a\":1,\"b\":[2,\"x\",{}],\"c\":true}");
    }

    @Test
    void writesNonFiniteNumbersAsNullAndWholeNumbersWithoutAFraction() {
        String json = new JsonWriter().beginArray().value(Double.NaN).value(Double.POSITIVE_INFINITY).value(3.0)
                .value(-0.25).value(1e20).endArray().toString();

        assertThat(json).isEqualTo("[null,null,3,-0.25,1.0E20]");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        String json = new JsonWriter().value("say \"hi\"\\\n\t\u0001").toString();

        assertThat(json).isEqualTo("\"say \\\"hi\\\"\\\\\\n\\t\\u0001\"");
    }
}
