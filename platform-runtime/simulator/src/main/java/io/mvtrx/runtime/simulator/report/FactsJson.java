package io.mvtrx.runtime.simulator.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.mvtrx.runtime.exchange.replay.JsonWriter;

/**
 * The {@code marketFacts} object of {@code report.json}: the sampling, the pooled facts, the targets with their
 * verdicts, and the facts of every book. Numbers have four decimals; a value that could not be computed (too few
 * returns, no fundamental) is {@code null}. Field names are listed in doc/simulator.md §6.
 *
 * <p>Stateless.
 */
public final class FactsJson {

    private FactsJson() {
    }

    /** The object, its lines indented by {@code indent} spaces (the first line not). */
    public static String object(MarketFacts facts, int indent) {
        String pad = " ".repeat(indent);
        StringBuilder out = new StringBuilder(16_384);
        out.append("{\n");
        out.append(pad).append("  \"intervalNs\": ").append(facts.interval()).append(",\n");
        out.append(pad).append("  \"spreadSampleNs\": ").append(MarketFacts.SPREAD_SAMPLE).append(",\n");
        out.append(pad).append("  \"price\": \"mid (best bid + best ask) / 2 at the end of each interval\",\n");
        out.append(pad).append("  \"horizonsIntervals\": ").append(Arrays.toString(MarketFacts.HORIZONS))
                .append(",\n");
        out.append(pad).append("  \"pooled\": ");
        facts(out, facts.pooled());
        out.append(",\n");
        out.append(pad).append("  \"targets\": [\n");
        List<MarketFacts.Target> targets = facts.targets();
        for (int i = 0; i < targets.size(); i++) {
            MarketFacts.Target t = targets.get(i);
            out.append(pad).append("    {\"name\": ").append(quote(t.name()))
                    .append(", \"requirement\": ").append(quote(t.requirement()))
                    .append(", \"measured\": ").append(quote(t.measured()))
                    .append(", \"met\": ").append(t.met()).append(i + 1 < targets.size() ? "},\n" : "}\n");
        }
        out.append(pad).append("  ],\n");
        out.append(pad).append("  \"books\": [\n");
        for (int b = 0; b < facts.books().size(); b++) {
            MarketFacts.BookSeries book = facts.books().get(b);
            out.append(pad).append("    {\"bookId\": ").append(book.bookId())
                    .append(", \"trades\": ").append(book.tradeCount())
                    .append(", \"emptyBidSeconds\": ").append(number(book.totalEmptyBid() / 1e9))
                    .append(", \"emptyAskSeconds\": ").append(number(book.totalEmptyAsk() / 1e9))
                    .append(", \"facts\": ");
            facts(out, facts.perBook().get(b));
            out.append(b + 1 < facts.books().size() ? "},\n" : "}\n");
        }
        out.append(pad).append("  ]\n");
        out.append(pad).append('}');
        return out.toString();
    }

    private static void facts(StringBuilder out, MarketFacts.Facts f) {
        PowerLaw fit = f.absolutePowerLaw();
        out.append("{\"returns\": ").append(f.returns())
                .append(", \"excessKurtosis\": ").append(numbers(f.excessKurtosis(), f.excessKurtosis().length))
                .append(", \"hillTop2_5\": ").append(number(f.hill25()))
                .append(", \"hillTop5\": ").append(number(f.hill5()))
                .append(", \"band95\": ").append(number(f.band()))
                .append(",\n      \"acfReturns\": ").append(numbers(f.acfReturns(), MarketFacts.REPORTED_RETURN_LAGS))
                .append(",\n      \"acfAbsoluteReturns\": ").append(numbers(f.acfAbsolute(), MarketFacts.MAX_LAG))
                .append(",\n      \"acfAbsolutePositiveThroughLag\": ").append(f.absolutePositiveThrough())
                .append(", \"acfAbsolutePowerLaw\": {\"exponent\": ").append(number(fit.exponent()))
                .append(", \"amplitude\": ").append(number(fit.amplitude()))
                .append(", \"lags\": ").append(fit.lags()).append('}')
                .append(",\n      \"medianSpreadTicks\": ").append(number(f.medianSpread()))
                .append(", \"meanSpreadTicks\": ").append(number(f.meanSpread()))
                .append(", \"volumeVolatilityCorrelation\": ").append(number(f.volumeVolatility()))
                .append(", \"tradesPerMinute\": ").append(number(f.tradesPerMinute()))
                .append(", \"longestEmptyBidSeconds\": ").append(number(f.longestEmptyBid() / 1e9))
                .append(", \"longestEmptyAskSeconds\": ").append(number(f.longestEmptyAsk() / 1e9))
                .append(",\n      \"diagnostics\": {\"acfTradePriceReturnsLag1\": ").append(number(f.acfTradeReturns1()))
                .append(", \"fundamentalAcfLag1\": ").append(number(f.fundamentalAcf1()))
                .append(", \"midReturnVsFundamentalReturnLag0to5\": ")
                .append(numbers(f.leadLag(), f.leadLag().length))
                .append(", \"meanAbsLogDeviationFromFundamental\": ").append(number(f.meanAbsDeviation()))
                .append("}}");
    }

    private static String numbers(double[] values, int count) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < Math.min(count, values.length); i++) {
            out.append(i == 0 ? "" : ", ").append(number(values[i]));
        }
        return out.append(']').toString();
    }

    private static String number(double value) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        JsonWriter.appendQuoted(out, text);
        return out.toString();
    }
}
