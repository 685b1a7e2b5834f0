package io.mvtrx.plugin.matching.prorata;

import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.plugin.matching.BookBenchmark;

import org.openjdk.jmh.runner.RunnerException;

/**
 * {@link BookBenchmark} for one {@link ProRataBook}.
 *
 * {@snippet lang=shell :
 * java -jar platform-runtime/exchange-benchmarks/target/exchange-benchmarks.jar ProRataBook -prof gc
 * }
 */
public class ProRataBookBenchmark extends BookBenchmark {

    @Override
    protected OrderBook newBook(BookSpec spec) {
        return new ProRataBook(spec);
    }

    /** Runs this benchmark only. */
    public static void main(String[] args) throws RunnerException {
        run(ProRataBookBenchmark.class);
    }
}
