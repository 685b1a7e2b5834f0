package io.mvtrx.runtime.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden files: expected outputs written by the Python transcription of the reference (resources/scoring). */
class ScoreFileTest {

    @ParameterizedTest
    @ValueSource(strings = {"hist_13", "hist_18", "trades_20", "trades_26"})
    void matchesTheReferenceTranscriptionDigitForDigit(String name) throws IOException {
        String output = ScoreFile.run(resource(name + ".json"), Metrics.builtIn());
        assertThat(output).isEqualTo(resource(name + ".expected.json"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|$.simulation: missing",
        "{\"simulation\": {\"bookCount\": 1, \"minerWealth\": 1, \"volumeDecimals\": 2, \"gracePeriodNs\": 0}}"
                + "|$.uidCount: missing",
        "{\"simulation\": {\"bookCount\": 1, \"minerWealth\": 1, \"volumeDecimals\": 2, \"gracePeriodNs\": 0},"
                + " \"uidCount\": 2}|$.nowNs: missing",
        "{\"simulation\": {\"bookCount\": 1, \"minerWealth\": 1, \"volumeDecimals\": 2, \"gracePeriodNs\": 0},"
                + " \"uidCount\": 2, \"nowNs\": 1.5}|$.nowNs: expected an integer (ns and counts are whole), got 1.5",
        "{\"simulation\": {\"bookCount\": 1, \"minerWealth\": 1, \"volumeDecimals\": 2, \"gracePeriodNs\": 0},"
                + " \"uidCount\": 2, \"nowNs\": 1, \"uids\": {\"2\": {}}}|$.uids.2: uid 2 is outside 0..1 (uidCount 2)",
        "{\"simulation\": {\"bookCount\": 1, \"minerWealth\": 1, \"volumeDecimals\": 2, \"gracePeriodNs\": 0},"
                + " \"uidCount\": 2, \"nowNs\": 1, \"stateTimestampsNs\": [1], \"uids\": {\"0\": {\"trades\": "
                + "[{\"stateTsNs\": 1, \"book\": 0, \"side\": 0, \"price\": \"x\", \"quantity\": 1, \"makerAgent\": 0,"
                + " \"takerAgent\": 5, \"makerFee\": 0, \"takerFee\": 0}]}}}"
                + "|$.uids.0.trades[0].price: expected a number, got a string",
        "{\"simulation\": {\"bookCount\": 1, \"minerWealth\": 1, \"volumeDecimals\": 2, \"gracePeriodNs\": 0},"
                + " \"uidCount\": 2, \"nowNs\": 1, \"uids\": {\"0\": {\"trades\": []}}}"
                + "|$.stateTimestampsNs: missing; trades are recorded state by state in its order",
        "{\"config\": {\"scoring\": {\"kappa\": {\"lookbak\": 5}}}}"
                + "|$.config.scoring.kappa.lookbak: unknown key; known here: metric, weight, lookback, min_lookback,"
                + " tau, min_realized_observations, normalization_min, normalization_max, pnl",
        "{\"config\": {\"rewarding\": {\"seed\": 7}}, \"simulation\": {\"bookCount\": 1, \"minerWealth\": 1,"
                + " \"volumeDecimals\": 2, \"gracePeriodNs\": 0}}"
                + "|$.config: rewarding.seed: only the reference seed 898746039182 is supported (its numpy stream is"
                + " bundled), got 7",
        "{\"simulation\": {\"bookCount\": 1, |line 1, column 32: expected a member name in double quotes",
    })
    void badInputIsNamedByItsPath(String json, String message) {
        assertThatThrownBy(() -> ScoreFile.run(json, Metrics.builtIn()))
                .isInstanceOf(ScoreFile.InvalidScoreFile.class)
                .hasMessage(message);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ScoreFileTest.class.getResourceAsStream("/scoring/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
