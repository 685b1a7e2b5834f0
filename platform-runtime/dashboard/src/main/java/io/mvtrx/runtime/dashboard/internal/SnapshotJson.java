package io.mvtrx.runtime.dashboard.internal;

import java.util.List;

import io.mvtrx.runtime.dashboard.BookView;
import io.mvtrx.runtime.dashboard.DashboardSnapshot;
import io.mvtrx.runtime.dashboard.GentrxStatus;
import io.mvtrx.runtime.dashboard.MinerDetail;
import io.mvtrx.runtime.dashboard.MinerRow;
import io.mvtrx.runtime.dashboard.Overview;

/**
 * The JSON documents of the API (doc/dashboard.md), encoded from a snapshot on the HTTP thread that asks. Times are
 * ns; prices, volumes and P&L are decimal; NaN is {@code null}.
 */
public final class SnapshotJson {

    private SnapshotJson() {
    }

    /** {@code GET /api/overview}. */
    public static String overview(DashboardSnapshot s) {
        JsonWriter w = new JsonWriter();
        overview(w, s);
        return w.toString();
    }

    static void overview(JsonWriter w, DashboardSnapshot s) {
        Overview o = s.overview();
        w.beginObject().member("version", s.version()).member("source", o.source())
                .member("simulationId", o.simulationId()).member("simTimeNs", o.simTime())
                .member("durationNs", o.duration()).member("steps", o.steps())
                .member("stepsPerSecond", o.stepsPerSecond()).member("blocks", o.blocks())
                .member("booksPerBlock", o.booksPerBlock()).member("books", s.books().size())
                .member("minersServing", o.minersServing()).member("minersAnswering", o.minersAnswering())
                .member("answered", o.answered()).member("timeouts", o.timeouts()).name("gentrxRound");
        if (o.gentrx().isPresent()) {
            GentrxStatus g = o.gentrx().get();
            w.value(g.round()).name("gentrx").beginObject().member("round", g.round())
                    .member("scoredRound", g.scoredRound()).member("modelVersion", g.modelVersion())
                    .member("assigned", g.assigned()).member("accepted", g.accepted())
                    .member("heldOutLossBefore", g.heldOutLossBefore())
                    .member("heldOutLossAfter", g.heldOutLossAfter()).member("rolledBack", g.rolledBack())
                    .endObject();
        } else {
            w.value("off");
        }
        w.member("finished", o.finished()).endObject();
    }

    /** {@code GET /api/books}: each book's prices, no ladder. */
    public static String books(DashboardSnapshot s) {
        JsonWriter w = new JsonWriter().beginObject().member("version", s.version()).name("books").beginArray();
        for (BookView b : s.books()) {
            w.beginObject().member("book", b.bookId()).member("bestBid", b.bestBid()).member("bestAsk", b.bestAsk())
                    .member("mid", b.mid()).member("spread", b.spread()).member("fundamental", b.fundamental())
                    .member("trades", b.trades().size()).endObject();
        }
        return w.endArray().endObject().toString();
    }

    /** {@code GET /api/books/{id}}. */
    public static String book(DashboardSnapshot s, BookView b) {
        JsonWriter w = new JsonWriter().beginObject().member("version", s.version()).member("book", b.bookId())
                .member("timestampNs", b.timestamp()).member("bestBid", b.bestBid()).member("bestAsk", b.bestAsk())
                .member("mid", b.mid()).member("spread", b.spread()).member("fundamental", b.fundamental());
        w.name("bids");
        ladder(w, b.bids());
        w.name("asks");
        ladder(w, b.asks());
        w.name("trades").beginArray();
        for (BookView.TradeView t : b.trades()) {
            w.beginObject().member("timestampNs", t.timestamp()).member("price", t.price())
                    .member("volume", t.volume()).member("takerSide", t.takerSide()).endObject();
        }
        w.endArray().name("history").beginArray();
        for (BookView.PricePoint p : b.history()) {
            w.beginArray().value(p.timestamp()).value(p.mid()).value(p.fundamental()).endArray();
        }
        return w.endArray().endObject().toString();
    }

    private static void ladder(JsonWriter w, List<BookView.LadderLevel> levels) {
        w.beginArray();
        for (BookView.LadderLevel level : levels) {
            w.beginObject().member("price", level.price()).member("volume", level.volume()).name("orders")
                    .beginArray();
            for (BookView.RestingOrderView o : level.orders()) {
                w.beginObject().member("orderId", o.orderId()).member("agentId", o.agentId())
                        .member("volume", o.volume()).endObject();
            }
            w.endArray().endObject();
        }
        w.endArray();
    }

    /** {@code GET /api/leaderboard}. */
    public static String leaderboard(DashboardSnapshot s) {
        JsonWriter w = new JsonWriter().beginObject().member("version", s.version()).name("miners").beginArray();
        for (MinerRow r : s.leaderboard()) {
            w.beginObject().member("uid", r.uid()).member("kappaScore", r.kappaScore())
                    .member("pnlScore", r.pnlScore()).member("tradingScore", r.tradingScore())
                    .member("score", r.score()).member("weight", r.weight()).member("activity", r.activity())
                    .member("volume", r.volume()).member("latencyMs", r.latencyMillis())
                    .member("answered", r.answered()).member("timeouts", r.timeouts()).endObject();
        }
        return w.endArray().endObject().toString();
    }

    /** {@code GET /api/miners/{uid}}. */
    public static String miner(DashboardSnapshot s, MinerDetail m) {
        JsonWriter w = new JsonWriter().beginObject().member("version", s.version()).member("uid", m.uid());
        w.name("books").beginArray();
        for (MinerDetail.BookScore b : m.books()) {
            w.beginObject().member("book", b.book()).member("kappa", b.kappa()).member("realizedPnl", b.realizedPnl())
                    .member("activityFactor", b.activityFactor()).member("pnlFactor", b.pnlFactor())
                    .member("volume", b.volume()).endObject();
        }
        w.endArray().name("stages");
        MinerDetail.ScoreStages st = m.stages();
        if (st == null) {
            w.nullValue();
        } else {
            w.beginObject().member("kappaAverage", st.kappaAverage()).member("kappaMedian", st.kappaMedian())
                    .member("kappaTotal", st.kappaTotal()).member("normalizedAverage", st.normalizedAverage())
                    .member("normalizedMedian", st.normalizedMedian())
                    .member("normalizedTotal", st.normalizedTotal()).member("kappaScore", st.kappaScore())
                    .member("pnlScore", st.pnlScore()).member("tradingScore", st.tradingScore())
                    .member("afterFloor", st.afterFloor()).member("afterPareto", st.afterPareto())
                    .member("movingAverage", st.movingAverage()).endObject();
        }
        w.name("pnl").beginArray();
        for (MinerDetail.PnlPoint p : m.pnl()) {
            w.beginArray().value(p.timestamp());
            for (double v : p.perBook()) {
                w.value(v);
            }
            w.endArray();
        }
        w.endArray().name("rejections").beginArray();
        for (MinerDetail.Rejection r : m.rejections()) {
            w.beginObject().member("timestampNs", r.timestamp()).member("book", r.book()).member("side", r.side())
                    .member("type", r.type()).member("reason", r.reason()).endObject();
        }
        return w.endArray().endObject().toString();
    }

    /** An error body: {@code {"error": "..."}}. */
    public static String error(String message) {
        return new JsonWriter().beginObject().member("error", message).endObject().toString();
    }
}
