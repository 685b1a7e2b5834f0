package io.mvtrx.runtime.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameSuggestionsTest {

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(NameSuggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NameSuggestions.distance("", "abc")).isEqualTo(3);
        assertThat(NameSuggestions.distance("Books", "Books")).isZero();
    }

    @Test
    void suggestsTheClosestNameIgnoringCase() {
        assertThat(NameSuggestions.closest("pricetime", List.of("PriceTime", "ProRata"))).contains("PriceTime");
        assertThat(NameSuggestions.closest("Bookz", List.of("FeePolicy", "Books", "Balances"))).contains("Books");
    }

    @Test
    void suggestsNothingWhenEveryNameIsFar() {
        assertThat(NameSuggestions.closest("MarketMakerBot", List.of("NoiseTraderAgent", "ALGOTraderAgent")))
                .isEmpty();
        assertThat(NameSuggestions.closest("x", List.of())).isEmpty();
    }
}
