package io.mvtrx.runtime.exchange.replay;

import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLinesTest {

    @Test
    void readsAFlatObjectKeepingNumbersAsWritten() throws JsonException {
        Map<String, JsonValue> fields = JsonReader.object(
                " {\"a\" : \"x\\\"\\u00e9\\n\", \"b\":-0.10e+2, \"c\":true, \"d\":null, \"e\":0} ");
        assertThat(fields).containsExactly(
                Map.entry("a", new JsonValue.Text("x\"é\n")),
                Map.entry("b", new JsonValue.Number("-0.10e+2")),
                Map.entry("c", new JsonValue.Bool(true)),
                Map.entry("d", JsonValue.Null.NULL),
                Map.entry("e", new JsonValue.Number("0")));
        assertThat(JsonReader.object("{}")).isEmpty();
    }

    @Test
    void refusesWhatIsNotStrictJson() {
        assertThatThrownBy(() -> JsonReader.object("{\"a\":01}")).hasMessage(
                "at character 7: expected ',' or '}', found '1'");
        assertThatThrownBy(() -> JsonReader.object("{'a':1}")).hasMessage(
                "at character 2: expected a field name in double quotes, found '''");
        assertThatThrownBy(() -> JsonReader.object("{\"a\":1,}")).hasMessage(
                "at character 8: expected a field name in double quotes, found '}'");
        assertThatThrownBy(() -> JsonReader.object("{\"a\":1} x")).hasMessage(
                "at character 9: expected end of line after the object, found 'x'");
        assertThatThrownBy(() -> JsonReader.object("{\"a\":1,\"a\":2}")).hasMessage("field 'a' appears twice");
        assertThatThrownBy(() -> JsonReader.object("{\"a\":[1]}"))
                .hasMessage("field 'a' holds a nested array; only flat values are read");
        assertThatThrownBy(() -> JsonReader.object("{\"a\":tru}")).hasMessage(
                "at character 6: expected 'true', found 't'");
        assertThatThrownBy(() -> JsonReader.object("{\"a\":\"x")).hasMessage(
                "at character 8: expected a closing '\"', found end of line");
    }

    @Test
    void writesArraysOfPairsForBookLines() {
        String line = new JsonWriter().field("type", "book")
                .pairs("bids", java.util.List.of(new String[] {"300.1", "2"}, new String[] {"300", "1"}))
                .pairs("asks", java.util.List.of()).toString();
        assertThat(line).isEqualTo("{\"type\":\"book\",\"bids\":[[\"300.1\",\"2\"],[\"300\",\"1\"]],\"asks\":[]}");
    }

    @Property(tries = 300)
    void whatTheWriterWritesTheReaderReadsBack(@ForAll String key, @ForAll String text, @ForAll long number,
                                               @ForAll boolean flag) throws JsonException {
        String other = key + "_";
        String line = new JsonWriter().field(key, text).field(other, number).field("flag", flag).toString();
        Map<String, JsonValue> fields = JsonReader.object(line);
        if (key.equals("flag") || other.equals("flag")) {
            return;
        }
        assertThat(fields).containsExactly(
                Map.entry(key, new JsonValue.Text(text)),
                Map.entry(other, new JsonValue.Number(Long.toString(number))),
                Map.entry("flag", new JsonValue.Bool(flag)));
    }
}
