package io.mvtrx.runtime.gentrx.delta.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonArray;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonNumber;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonObject;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonString;

class JsonParserTest {

    @Test
    void parsesNestedValuesAndWritesThemBackUnchanged() {
        String text = "{\"a\":[1,-2.5e3,true,false,null],\"b\":{\"c\":\"x\\\"y\\u00e9\\ud83d\\ude00\"},"
                + "\"big\":9007199254740993}";
        JsonValue value = JsonParser.parse(" \n" + text + "\t");

        JsonObject object = (JsonObject) value;
        assertThat(((JsonArray) object.members().get("a")).elements()).hasSize(5);
        assertThat(((JsonNumber) ((JsonArray) object.members().get("a")).elements().get(1)).value())
                .isEqualByComparingTo(new BigDecimal("-2500"));
        assertThat(((JsonString) ((JsonObject) object.members().get("b")).members().get("c")).value())
                .isEqualTo("x\"yé😀");
        assertThat(JsonFields.integer(object.members().get("big"), "big", 0, Long.MAX_VALUE))
                .isEqualTo(9_007_199_254_740_993L);
        assertThat(JsonParser.parse(JsonWriter.write(value))).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,}", "[1,]", "{'a':1}", "01", "-", "1.", "1e", "NaN", "Infinity",
        "{\"a\":1} x", "\"\\x\"", "\"a\tb\"", "\"\\ud800\"", "tru", "{\"a\" 1}", "// c\n1", "", "[1 2]"})
    void refusesWhatLenientParsersAccept(String text) {
        assertThatThrownBy(() -> JsonParser.parse(text)).isInstanceOf(JsonException.class)
                .hasMessageStartingWith("malformed JSON at offset ");
    }

    @Test
    void refusesDuplicateMemberNamesAndDeepNesting() {
        assertThatThrownBy(() -> JsonParser.parse("{\"a\":1,\"a\":2}"))
                .hasMessage("JSON member \"a\" appears twice (second at offset 7)");
        assertThatThrownBy(() -> JsonParser.parse("[".repeat(70) + "]".repeat(70)))
                .hasMessage("malformed JSON at offset 65: nesting deeper than 64");
    }

    @Test
    void namesTheMemberAndTheExpectationWhenATypedReadFails() {
        JsonObject object = JsonFields.object(JsonParser.parse("{\"k\":1.5,\"s\":[1,0]}"), "header");

        assertThatThrownBy(() -> JsonFields.integer(object.members().get("k"), "tensors[0].k", 0, 10))
                .hasMessage("tensors[0].k must be an integer, got 1.5");
        assertThatThrownBy(() -> JsonFields.shape(object.members().get("s"), "tensors[0].shape"))
                .hasMessage("tensors[0].shape[1] must be in [1, 2147483647], got 0");
        assertThatThrownBy(() -> JsonFields.member(object, "x", "header"))
                .hasMessage("header lacks the member \"x\"");
    }
}
