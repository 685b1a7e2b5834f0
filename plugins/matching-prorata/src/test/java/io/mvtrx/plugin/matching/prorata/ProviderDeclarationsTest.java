package io.mvtrx.plugin.matching.prorata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ServiceLoader;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.MatchingRuleProvider;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.testkit.ProviderDeclarations;

import org.junit.jupiter.api.Test;

class ProviderDeclarationsTest {

    @Test
    void moduleInfoAndServiceFilesAgree() {
        ProviderDeclarations.assertAgree(Path.of("target/classes"));
    }

    @Test
    void serviceLoaderFindsProRataByName() {
        MatchingRuleProvider provider = ServiceLoader.load(MatchingRuleProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("ProRata"))
                .findFirst()
                .orElseThrow();

        OrderBook book = provider.create(Settings.empty("Books")).newBook(new BookSpec(3, BookDecimals.REFERENCE, 10));

        assertThat(book).isInstanceOf(ProRataBook.class);
        assertThat(book.bookId()).isEqualTo(3);
    }
}
