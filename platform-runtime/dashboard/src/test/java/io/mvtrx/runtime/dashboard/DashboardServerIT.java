package io.mvtrx.runtime.dashboard;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's pages, JSON API, SSE stream and report files over HTTP on loopback. */
class DashboardServerIT {

    @TempDir
    Path out;

    private static HttpResponse<String> get(int port, String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static DashboardSnapshot snapshot(long version) {
        BookTracker tracker = new BookTracker(BookTrackerTest.DECIMALS, 10);
        tracker.record(List.of(BookTrackerTest.book(0, 5_000_000_000L, 9_990, 10_010,
                BookTrackerTest.trade(0, 4_000_000_000L, 10_000, 25_000))));
        List<BookView> books = tracker.views(List.of(BookTrackerTest.book(0, 5_000_000_000L, 9_990, 10_010)),
                new double[] {100.25});
        Overview overview = new Overview("validator", "sim-1", 5_000_000_000L, 60_000_000_000L, 5, 12.5, 1, 1, 2,
                1, 9, 1, Optional.empty(), false);
        MinerRow row = new MinerRow(1, 0.6, 0.1, 0.495, 0.25, 1.0, 0.8, 1234.5, 12.0, 9, 1);
        MinerDetail detail = new MinerDetail(1, List.of(new MinerDetail.BookScore(0, 0.42, 3.5, 0.8, 1.0, 1234.5)),
                new MinerDetail.ScoreStages(0.42, 0.42, 0.40, 0.6, 0.6, 0.58, 0.6, 0.1, 0.495, 0.495, 0.3, 0.25),
                List.of(new MinerDetail.PnlPoint(5_000_000_000L, List.of(3.5))),
                List.of(new MinerDetail.Rejection(4_500_000_000L, 0, "BUY", "LIMIT", "VOLUME_CAP")));
        return new DashboardSnapshot(version, overview, books, List.of(row), List.of(detail));
    }

    @Test
    void theOverviewCarriesTheGenTrxRoundAndTheLastScoredRoundsHeldOutLoss() throws Exception {
        DashboardFeed feed = new DashboardFeed();
        try (DashboardServer server = DashboardServer.start(feed, Optional.empty(), "127.0.0.1", 0)) {
            DashboardSnapshot plain = snapshot(3);
            Overview o = plain.overview();
            feed.publish(new DashboardSnapshot(4, new Overview(o.source(), o.simulationId(), o.simTime(),
                    o.duration(), o.steps(), o.stepsPerSecond(), o.blocks(), o.booksPerBlock(), o.minersServing(),
                    o.minersAnswering(), o.answered(), o.timeouts(),
                    Optional.of(new GentrxStatus(5, 4, 3, 2, 1, 6.5, 6.25, false)), false), plain.books(),
                    plain.leaderboard(), plain.miners()));

            assertThat(get(server.port(), "/api/overview").body()).contains("\"gentrxRound\":5,\"gentrx\":{"
                    + "\"round\":5,\"scoredRound\":4,\"modelVersion\":3,\"assigned\":2,\"accepted\":1,"
                    + "\"heldOutLossBefore\":6.5,\"heldOutLossAfter\":6.25,\"rolledBack\":false}");
        }
    }

    @Test
    void servesTheJsonApiFromTheLatestSnapshot() throws Exception {
        DashboardFeed feed = new DashboardFeed();
        try (DashboardServer server = DashboardServer.start(feed, Optional.empty(), "127.0.0.1", 0)) {
            assertThat(get(server.port(), "/api/overview").body()).contains("\"source\":\"starting\"",
                    "\"gentrxRound\":\"off\"");
            feed.publish(snapshot(7));

            assertThat(get(server.port(), "/api/overview").body()).isEqualTo("{\"version\":7,\"source\":"
                    + "\"validator\",\"simulationId\":\"sim-1\",\"simTimeNs\":5000000000,\"durationNs\":60000000000,"
                    + "\"steps\":5,\"stepsPerSecond\":12.5,\"blocks\":1,\"booksPerBlock\":1,\"books\":1,"
                    + "\"minersServing\":2,\"minersAnswering\":1,\"answered\":9,\"timeouts\":1,\"gentrxRound\":"
                    + "\"off\",\"finished\":false}");
            HttpResponse<String> book = get(server.port(), "/api/books/0");
            assertThat(book.statusCode()).isEqualTo(200);
            assertThat(book.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(book.body()).startsWith("{\"version\":7,\"book\":0,\"timestampNs\":5000000000,"
                    + "\"bestBid\":99.9,\"bestAsk\":100.1,\"mid\":100,")
                    .contains("\"fundamental\":100.25", "\"bids\":[{\"price\":99.9,\"volume\":3,\"orders\":"
                            + "[{\"orderId\":7,\"agentId\":3,\"volume\":1},{\"orderId\":8,\"agentId\":4,\"volume\":2}]}",
                            "\"trades\":[{\"timestampNs\":4000000000,\"price\":100,\"volume\":2.5,\"takerSide\":"
                                    + "\"BUY\"}]", "\"history\":[[5000000000,100,100.25]]");
            assertThat(get(server.port(), "/api/leaderboard").body()).isEqualTo("{\"version\":7,\"miners\":[{"
                    + "\"uid\":1,\"kappaScore\":0.6,\"pnlScore\":0.1,\"tradingScore\":0.495,\"score\":0.25,"
                    + "\"weight\":1,\"activity\":0.8,\"volume\":1234.5,\"latencyMs\":12,\"answered\":9,"
                    + "\"timeouts\":1}]}");
            assertThat(get(server.port(), "/api/miners/1").body()).contains(
                    "\"books\":[{\"book\":0,\"kappa\":0.42,\"realizedPnl\":3.5,\"activityFactor\":0.8,"
                            + "\"pnlFactor\":1,\"volume\":1234.5}]", "\"kappaTotal\":0.4", "\"afterPareto\":0.3",
                    "\"pnl\":[[5000000000,3.5]]", "\"reason\":\"VOLUME_CAP\"");
        }
    }

    @Test
    void answersBadAndUnknownIdsWithAMessage() throws Exception {
        DashboardFeed feed = new DashboardFeed();
        feed.publish(snapshot(1));
        try (DashboardServer server = DashboardServer.start(feed, Optional.empty(), "127.0.0.1", 0)) {
            HttpResponse<String> unknown = get(server.port(), "/api/books/4");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).isEqualTo("{\"error\":\"no book 4: books are 0..0\"}");
            HttpResponse<String> bad = get(server.port(), "/api/miners/x1");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).isEqualTo("{\"error\":\"uid must be a whole number >= 0, got 'x1'\"}");
            assertThat(get(server.port(), "/api/miners/9").body()).isEqualTo(
                    "{\"error\":\"no miner with uid 9; miners: [1]\"}");
            HttpResponse<String> report = get(server.port(), "/api/report");
            assertThat(report.statusCode()).isEqualTo(404);
            assertThat(report.body()).contains("this dashboard is not serving a simulate run");
        }
    }

    @Test
    void servesThePagesAndTheirScriptsFromTheJar() throws Exception {
        try (DashboardServer server = DashboardServer.start(new DashboardFeed(), Optional.empty(), "127.0.0.1", 0)) {
            for (String page : List.of("/", "/book", "/leaderboard", "/miner", "/report")) {
                HttpResponse<String> res = get(server.port(), page);
                assertThat(res.statusCode()).as(page).isEqualTo(200);
                assertThat(res.headers().firstValue("content-type")).hasValue("text/html; charset=UTF-8");
                assertThat(res.body()).contains("/static/dashboard.js").doesNotContain("http://", "https://");
            }
            assertThat(get(server.port(), "/static/dashboard.js").body()).contains("new EventSource('/api/events')");
            assertThat(get(server.port(), "/static/dashboard.css").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void streamsAnUpdateForEachNewSnapshot() throws Exception {
        DashboardFeed feed = new DashboardFeed();
        feed.publish(snapshot(1));
        try (DashboardServer server = DashboardServer.start(feed, Optional.empty(), "127.0.0.1", 0);
             HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> res = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/api/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(res.headers().firstValue("content-type")).hasValue("text/event-stream");
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(res.body(),
                    StandardCharsets.UTF_8))) {
                assertThat(lines.readLine()).isEqualTo("retry: 1000");
                assertThat(lines.readLine()).isEmpty();
                assertThat(lines.readLine()).isEqualTo("id: 1");
                assertThat(lines.readLine()).isEqualTo("event: update");
                assertThat(lines.readLine()).startsWith("data: {\"version\":1,");
                assertThat(lines.readLine()).isEmpty();
                feed.publish(snapshot(2));
                assertThat(lines.readLine()).isEqualTo("id: 2");
                assertThat(lines.readLine()).isEqualTo("event: update");
                assertThat(lines.readLine()).startsWith("data: {\"version\":2,");
            }
        }
    }

    @Test
    void servesTheReportAndItsPlotsOfASimulateRun() throws Exception {
        Files.writeString(out.resolve("report.json"), "{\"simulationId\": \"s\"}");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Files.write(out.resolve("prices.png"), png);
        Files.write(out.resolve("spread.png"), png);
        try (DashboardServer server = DashboardServer.start(new DashboardFeed(), Optional.of(out), "127.0.0.1", 0);
             HttpClient client = HttpClient.newHttpClient()) {
            assertThat(get(server.port(), "/api/report").body()).isEqualTo("{\"simulationId\": \"s\"}");
            assertThat(get(server.port(), "/api/report/plots").body()).isEqualTo(
                    "{\"plots\":[\"prices.png\",\"spread.png\"]}");
            HttpResponse<byte[]> plot = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/report/plots/prices.png")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(plot.statusCode()).isEqualTo(200);
            assertThat(plot.body()).isEqualTo(png);
            assertThat(get(server.port(), "/report/plots/..%2Freport.json").statusCode()).isIn(400, 404);
            assertThat(get(server.port(), "/report/plots/none.png").statusCode()).isEqualTo(404);
        }
    }
}
