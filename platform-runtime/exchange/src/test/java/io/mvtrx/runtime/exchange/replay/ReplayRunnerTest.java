package io.mvtrx.runtime.exchange.replay;

import java.io.StringReader;
import java.io.StringWriter;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Rate;
import io.mvtrx.runtime.exchange.ExchangeSpec;
import io.mvtrx.testkit.book.ReferenceMatchingRule;
import io.mvtrx.testkit.fees.SettableFeePolicy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayRunnerTest {

    private record Result(int exit, String out, String err) {
    }

    private static Result replay(String input) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ReplayRunner.run(ExchangeSpec.simple(1, BookDecimals.REFERENCE), new ReferenceMatchingRule(),
                new SettableFeePolicy(0, Rate.ONE / 1000), new StringReader(input), out, err);
        return new Result(exit, out.toString(), err.toString());
    }

    private static final String STREAM = """
            {"t":0,"agent":1,"op":"deposit","book":0,"base":"100","quote":"30000"}
            {"t":0,"agent":2,"op":"deposit","book":0,"base":"100","quote":"30000"}
            {"t":1,"agent":1,"op":"limit","book":0,"side":"sell","price":"300.10","volume":"1.5","clientOrderId":11}
            {"t":2,"agent":1,"op":"limit","book":0,"side":"sell","price":"301","volume":"2","tif":"GTT","expiry":100}
            {"t":3,"agent":2,"op":"limit","book":0,"side":"buy","price":"300.5","volume":"1"}
            {"t":4,"agent":2,"op":"limit","book":0,"side":"buy","price":"301","volume":"5","tif":"FOK"}
            {"t":5,"agent":2,"op":"market","book":0,"side":"buy","volume":"150.05","currency":"quote"}
            {"t":6,"agent":2,"op":"limit","book":0,"side":"buy","price":"299.009","volume":"2"}
            {"t":7,"agent":2,"op":"cancel","book":0,"orderId":4,"volume":"0.5"}
            {"t":8,"agent":2,"op":"limit","book":0,"side":"buy","price":"abc","volume":"1"}

            {"t":200,"agent":1,"op":"limit","book":0,"side":"buy","price":"298","volume":"1","stp":"CN"}
            """;

    /** Taker fee 0.1 %, maker 0; the buyer's fee is taken in base (simulator-054.md §4.6). */
    @Test
    void writesEveryOutcomeThenBooksAccountsAndFees() {
        Result result = replay(STREAM);

        assertThat(result.out()).isEqualTo("""
                {"type":"deposited","t":0,"agent":1,"book":0,"base":"100","quote":"30000"}
                {"type":"deposited","t":0,"agent":2,"book":0,"base":"100","quote":"30000"}
                {"type":"accepted","t":1,"agent":1,"book":0,"orderId":0,"op":"limit","side":"sell","price":"300.1",\
                "volume":"1.5","clientOrderId":11}
                {"type":"placed","t":1,"agent":1,"book":0,"orderId":0,"side":"sell","price":"300.1","volume":"1.5"}
                {"type":"accepted","t":2,"agent":1,"book":0,"orderId":1,"op":"limit","side":"sell","price":"301",\
                "volume":"2"}
                {"type":"placed","t":2,"agent":1,"book":0,"orderId":1,"side":"sell","price":"301","volume":"2"}
                {"type":"accepted","t":3,"agent":2,"book":0,"orderId":2,"op":"limit","side":"buy","price":"300.5",\
                "volume":"1"}
                {"type":"trade","t":3,"book":0,"tradeId":0,"side":"buy","price":"300.1","volume":"1","makerOrderId":0,\
                "takerOrderId":2,"makerAgent":1,"takerAgent":2,"makerFee":"0","takerFee":"0.3001"}
                {"type":"rejected","t":4,"agent":2,"book":0,"op":"limit","reason":"CONTRACT_VIOLATION","side":"buy"}
                {"type":"accepted","t":5,"agent":2,"book":0,"orderId":3,"op":"market","side":"buy","volume":"0.5"}
                {"type":"trade","t":5,"book":0,"tradeId":1,"side":"buy","price":"300.1","volume":"0.5",\
                "makerOrderId":0,"takerOrderId":3,"makerAgent":1,"takerAgent":2,"makerFee":"0",\
                "takerFee":"0.15005"}
                {"type":"accepted","t":6,"agent":2,"book":0,"orderId":4,"op":"limit","side":"buy","price":"299",\
                "volume":"2"}
                {"type":"placed","t":6,"agent":2,"book":0,"orderId":4,"side":"buy","price":"299","volume":"2"}
                {"type":"cancelled","t":7,"agent":2,"book":0,"orderId":4,"volume":"0.5","remaining":"1.5",\
                "reason":"requested"}
                {"type":"expired","t":100,"agent":1,"book":0,"orderId":1,"volume":"2"}
                {"type":"accepted","t":200,"agent":1,"book":0,"orderId":5,"op":"limit","side":"buy","price":"298",\
                "volume":"1"}
                {"type":"placed","t":200,"agent":1,"book":0,"orderId":5,"side":"buy","price":"298","volume":"1"}
                {"type":"book","book":0,"bids":[["299","1.5"],["298","1"]],"asks":[]}
                {"type":"account","agent":1,"book":0,"baseTotal":"98.5","baseFree":"98.5","baseReserved":"0",\
                "quoteTotal":"30450.15","quoteFree":"30152.15","quoteReserved":"298","baseLoan":"0","quoteLoan":"0",\
                "baseCollateral":"0","quoteCollateral":"0"}
                {"type":"account","agent":2,"book":0,"baseTotal":"101.4985","baseFree":"101.4985",\
                "baseReserved":"0","quoteTotal":"29549.85","quoteFree":"29101.35","quoteReserved":"448.5",\
                "baseLoan":"0","quoteLoan":"0","baseCollateral":"0","quoteCollateral":"0"}
                {"type":"fees","book":0,"base":"0.0015","quote":"0"}
                """);
        assertThat(result.err()).isEqualTo("line 10: field 'price': expected a decimal string, got \"abc\""
                + System.lineSeparator());
        assertThat(result.exit()).isEqualTo(1);
    }

    @Test
    void aCleanStreamExitsWithZeroAndTheSameInputGivesTheSameOutput() {
        String clean = STREAM.replace("\"price\":\"abc\"", "\"price\":\"1\"");
        Result first = replay(clean);
        Result second = replay(clean);
        assertThat(first.exit()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void reportsOneLinePerMalformedLineNamingTheLineAndFieldAndCarriesOn() {
        Result result = replay("""
                {"t":0,"agent":1,"op":"deposit","book":0,"base":"1","quote":"10"}
                {"t":1,"agent":1,"op":"limit","book":0,"side":"sell","price":"5" "volume":"1"}
                {"t":1,"agent":1,"op":"limit","book":0,"side":"sell","price":"5","volume":"1","postonly":true}
                {"t":1,"agent":1,"op":"limit","book":0,"side":"sideways","price":"5","volume":"1"}
                {"t":1,"agent":1,"op":"limit","book":0,"price":"5","volume":"1"}
                {"t":1,"agent":1,"op":"limit","book":0,"side":"sell","price":"5","volume":"1","tif":"GTT"}
                {"t":1,"agent":1,"op":"limit","book":0,"side":"sell","price":"5","volume":{"x":1}}
                {"t":1,"agent":1,"op":"swap","book":0}
                {"t":1,"agent":"one","op":"cancel","book":0,"orderId":1}
                {"t":0.5,"agent":1,"op":"cancel","book":0,"orderId":1}
                {"t":1,"agent":1,"op":"limit","book":0,"side":"sell","price":"5","volume":"1","postOnly":1}
                {"t":2,"agent":1,"op":"limit","book":0,"side":"sell","price":"5","volume":"1"}
                {"t":1,"agent":1,"op":"cancel","book":0,"orderId":0}
                """);
        String nl = System.lineSeparator();
        assertThat(result.err()).isEqualTo(
                "line 2: at character 66: expected ',' or '}', found '\"'" + nl
                + "line 3: field 'postonly': not a field of op 'limit'" + nl
                + "line 4: field 'side': expected one of [BUY, SELL], got \"sideways\"" + nl
                + "line 5: field 'side': required" + nl
                + "line 6: field 'expiry': required for tif GTT (absolute ns)" + nl
                + "line 7: field 'volume': field 'volume' holds a nested object; only flat values are read" + nl
                + "line 8: field 'op': unknown op 'swap'; expected one of deposit, limit, market, cancel, close, step"
                + nl
                + "line 9: field 'agent': expected an integer, got the string \"one\"" + nl
                + "line 10: field 't': expected an integer that fits 64 bits, got 0.5" + nl
                + "line 11: field 'postOnly': expected true or false, got the number 1" + nl
                + "line 13: field 't': time must not go backwards: 1 after 2" + nl);
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("{\"type\":\"placed\",\"t\":2,\"agent\":1,\"book\":0,\"orderId\":0,");
    }

    @Test
    void rejectionsOfEveryOpCarryTheReferenceCode() {
        Result result = replay("""
                {"t":0,"agent":1,"op":"deposit","book":0,"base":"-1"}
                {"t":0,"agent":1,"op":"deposit","book":3,"base":"1"}
                {"t":1,"agent":1,"op":"market","book":0,"side":"buy","volume":"1","clientOrderId":4}
                {"t":1,"agent":1,"op":"cancel","book":0,"orderId":9}
                {"t":1,"agent":1,"op":"close","book":0,"orderId":9}
                {"t":1,"agent":7,"op":"limit","book":0,"side":"buy","price":"1","volume":"1"}
                """);
        assertThat(result.out()).isEqualTo("""
                {"type":"rejected","t":0,"agent":1,"book":0,"op":"deposit","reason":"INSUFFICIENT_BASE","base":"-1",\
                "quote":"0"}
                {"type":"rejected","t":0,"agent":1,"book":3,"op":"deposit","reason":"UNKNOWN_BOOK","base":"1",\
                "quote":"0"}
                {"type":"rejected","t":1,"agent":1,"book":0,"op":"market","reason":"EMPTY_BOOK","side":"buy",\
                "clientOrderId":4}
                {"type":"rejected","t":1,"agent":1,"book":0,"op":"cancel","reason":"UNKNOWN_ORDER","orderId":9}
                {"type":"rejected","t":1,"agent":1,"book":0,"op":"close","reason":"NO_LOAN","orderId":9}
                {"type":"rejected","t":1,"agent":7,"book":0,"op":"limit","reason":"NONEXISTENT_ACCOUNT",\
                "side":"buy"}
                {"type":"book","book":0,"bids":[],"asks":[]}
                {"type":"account","agent":1,"book":0,"baseTotal":"0","baseFree":"0","baseReserved":"0",\
                "quoteTotal":"0","quoteFree":"0","quoteReserved":"0","baseLoan":"0","quoteLoan":"0",\
                "baseCollateral":"0","quoteCollateral":"0"}
                {"type":"fees","book":0,"base":"0","quote":"0"}
                """);
        assertThat(result.exit()).isZero();
    }
}
