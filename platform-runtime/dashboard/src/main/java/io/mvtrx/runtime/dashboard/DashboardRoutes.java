package io.mvtrx.runtime.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.mvtrx.runtime.dashboard.internal.JsonWriter;
import io.mvtrx.runtime.dashboard.internal.SnapshotJson;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The dashboard's routes, added to any Helidon routing (the validator's server, or {@link DashboardServer}):
 *
 * <pre>
 * GET /                     overview page        GET /api/overview          run at a glance
 * GET /book?book=N          book page            GET /api/books             every book's prices
 * GET /leaderboard          leaderboard page     GET /api/books/{id}        ladder, trades, price history
 * GET /miner?uid=N          miner page           GET /api/leaderboard       one row per miner
 * GET /report               stylized facts       GET /api/miners/{uid}      scores per book and stage, P&amp;L, rejections
 * GET /static/*             CSS and JS           GET /api/events            SSE: "update" with the overview per publish
 *                                                GET /api/report            report.json of a finished simulate run
 *                                                GET /api/report/plots      its PNG plots, by name
 *                                                GET /report/plots/{file}   one plot
 * </pre>
 *
 * JSON is encoded on the requesting HTTP thread from {@link DashboardView#current()}; nothing here touches the
 * step loop. Bad input answers 400, an unknown book or uid 404, each with {@code {"error": "..."}} naming it.
 */
public final class DashboardRoutes {

    /** How often an SSE stream looks for a new snapshot. */
    static final long POLL_MILLIS = 250;
    /** An SSE stream ends after this long; the browser's EventSource reconnects (so a stopping server never waits). */
    static final long STREAM_MILLIS = 60_000;
    private static final String JSON = "application/json";
    private static final Pattern PLOT = Pattern.compile("[A-Za-z0-9_-]+\\.png");
    private static final Map<String, String> PAGES = Map.of(
            "/", "index.html", "/book", "book.html", "/leaderboard", "leaderboard.html", "/miner", "miner.html",
            "/report", "report.html");
    private static final Map<String, String> STATIC = Map.of(
            "dashboard.css", "text/css; charset=UTF-8", "dashboard.js", "text/javascript; charset=UTF-8");

    private final DashboardView view;
    private final Optional<Path> reportFolder;
    private volatile boolean closed;

    private DashboardRoutes(DashboardView view, Optional<Path> reportFolder) {
        this.view = view;
        this.reportFolder = reportFolder;
    }

    /**
     * Adds the dashboard to {@code routing}.
     *
     * @param reportFolder the output folder of a simulate run (its report.json and plots), empty for none
     * @return the routes, to {@link #close} when the server stops (ends the open SSE streams)
     */
    public static DashboardRoutes register(HttpRouting.Builder routing, DashboardView view,
                                           Optional<Path> reportFolder) {
        DashboardRoutes routes = new DashboardRoutes(view, reportFolder);
        PAGES.forEach((path, file) -> {
            byte[] page = resource(file);
            routing.get(path, (req, res) -> send(res, "text/html; charset=UTF-8", page));
        });
        STATIC.forEach((file, type) -> {
            byte[] content = resource(file);
            routing.get("/static/" + file, (req, res) -> send(res, type, content));
        });
        routing.get("/api/overview", (req, res) -> json(res, SnapshotJson.overview(view.current())))
                .get("/api/books", (req, res) -> json(res, SnapshotJson.books(view.current())))
                .get("/api/books/{id}", routes::book)
                .get("/api/leaderboard", (req, res) -> json(res, SnapshotJson.leaderboard(view.current())))
                .get("/api/miners/{uid}", routes::miner)
                .get("/api/events", routes::events)
                .get("/api/report", routes::report)
                .get("/api/report/plots", routes::plots)
                .get("/report/plots/{file}", routes::plot);
        return routes;
    }

    /** Ends the open SSE streams at their next poll. */
    public void close() {
        closed = true;
    }

    private void book(ServerRequest req, ServerResponse res) {
        DashboardSnapshot s = view.current();
        OptionalInt id = number(req, res, "id", "book");
        if (id.isEmpty()) {
            return;
        }
        Optional<BookView> book = s.book(id.value());
        if (book.isEmpty()) {
            error(res, Status.NOT_FOUND_404, s.books().isEmpty() ? String.format("no book %d: no book is published "
                    + "yet", id.value()) : String.format("no book %d: books are 0..%d", id.value(),
                    s.books().size() - 1));
            return;
        }
        json(res, SnapshotJson.book(s, book.get()));
    }

    private void miner(ServerRequest req, ServerResponse res) {
        DashboardSnapshot s = view.current();
        OptionalInt uid = number(req, res, "uid", "uid");
        if (uid.isEmpty()) {
            return;
        }
        Optional<MinerDetail> miner = s.miner(uid.value());
        if (miner.isEmpty()) {
            error(res, Status.NOT_FOUND_404, String.format("no miner with uid %d; miners: %s", uid.value(),
                    s.leaderboard().stream().map(r -> Integer.toString(r.uid())).toList()));
            return;
        }
        json(res, SnapshotJson.miner(s, miner.get()));
    }

    private void events(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        long last = -1;
        long began = System.currentTimeMillis();
        try (OutputStream out = res.outputStream()) {
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!closed && System.currentTimeMillis() - began < STREAM_MILLIS) {
                DashboardSnapshot s = view.current();
                if (s.version() != last) {
                    last = s.version();
                    out.write(("id: " + last + "\nevent: update\ndata: " + SnapshotJson.overview(s) + "\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException | UncheckedIOException e) {
            // the browser went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void report(ServerRequest req, ServerResponse res) {
        Optional<Path> file = reportFolder.map(f -> f.resolve("report.json")).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            error(res, Status.NOT_FOUND_404, reportFolder.isEmpty() ? "no report: this dashboard is not serving a "
                    + "simulate run" : "no report yet: " + reportFolder.get().resolve("report.json")
                    + " is written when the run ends");
            return;
        }
        try {
            send(res, JSON, Files.readAllBytes(file.get()));
        } catch (IOException e) {
            error(res, Status.INTERNAL_SERVER_ERROR_500, "cannot read " + file.get() + ": " + e.getMessage());
        }
    }

    private void plots(ServerRequest req, ServerResponse res) {
        List<String> names = new ArrayList<>();
        if (reportFolder.isPresent() && Files.isDirectory(reportFolder.get())) {
            try (DirectoryStream<Path> pngs = Files.newDirectoryStream(reportFolder.get(), "*.png")) {
                pngs.forEach(p -> names.add(p.getFileName().toString()));
            } catch (IOException e) {
                error(res, Status.INTERNAL_SERVER_ERROR_500, "cannot list " + reportFolder.get() + ": "
                        + e.getMessage());
                return;
            }
        }
        names.sort(null);
        JsonWriter w = new JsonWriter().beginObject().name("plots").beginArray();
        names.forEach(w::value);
        json(res, w.endArray().endObject().toString());
    }

    private void plot(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("file");
        if (!PLOT.matcher(name).matches()) {
            error(res, Status.BAD_REQUEST_400, "plot name must be a file name ending in .png, got '" + name + "'");
            return;
        }
        Optional<Path> file = reportFolder.map(f -> f.resolve(name)).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            error(res, Status.NOT_FOUND_404, "no plot " + name);
            return;
        }
        try {
            send(res, "image/png", Files.readAllBytes(file.get()));
        } catch (IOException e) {
            error(res, Status.INTERNAL_SERVER_ERROR_500, "cannot read " + file.get() + ": " + e.getMessage());
        }
    }

    /** A whole number from a path parameter, or a 400 naming it. */
    private static OptionalInt number(ServerRequest req, ServerResponse res, String parameter, String what) {
        String text = req.path().pathParameters().get(parameter);
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return new OptionalInt(value);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        error(res, Status.BAD_REQUEST_400, String.format("%s must be a whole number >= 0, got '%s'", what, text));
        return OptionalInt.EMPTY;
    }

    private record OptionalInt(Integer value) {
        static final OptionalInt EMPTY = new OptionalInt(null);

        boolean isEmpty() {
            return value == null;
        }
    }

    private static void json(ServerResponse res, String body) {
        send(res, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void error(ServerResponse res, Status status, String message) {
        res.status(status);
        json(res, SnapshotJson.error(message));
    }

    private static void send(ServerResponse res, String type, byte[] body) {
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(body);
    }

    private static byte[] resource(String file) {
        try (InputStream in = DashboardRoutes.class.getResourceAsStream("web/" + file)) {
            if (in == null) {
                throw new IllegalStateException("dashboard resource web/" + file + " is missing from the JAR");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard resource web/" + file, e);
        }
    }
}
