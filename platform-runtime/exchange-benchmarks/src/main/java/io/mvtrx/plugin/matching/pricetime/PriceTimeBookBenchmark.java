package io.mvtrx.plugin.matching.pricetime;

import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.plugin.matching.BookBenchmark;

import org.openjdk.jmh.runner.RunnerException;

/**
 * {@link BookBenchmark} for one {@link PriceTimeBook}.
 *
 * {@snippet lang=shell :
 * java -jar platform-runtime/exchange-benchmarks/target/exchange-benchmarks.jar PriceTimeBook -prof gc
 * }
 */
public class PriceTimeBookBenchmark extends BookBenchmark {

    @Override
    protected OrderBook newBook(BookSpec spec) {
        return new PriceTimeBook(spec);
    }

    /** Runs this benchmark only. */
    public static void main(String[] args) throws RunnerException {
        run(PriceTimeBookBenchmark.class);
    }
}
