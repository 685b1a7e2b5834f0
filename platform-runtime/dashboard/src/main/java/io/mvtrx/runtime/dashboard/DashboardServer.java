package io.mvtrx.runtime.dashboard;

import java.nio.file.Path;
import java.util.Optional;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;

/**
 * A Helidon WebServer serving only the dashboard ({@code mvtrx simulate --serve}); the validator adds
 * {@link DashboardRoutes} to its own server instead.
 */
public final class DashboardServer implements AutoCloseable {

    private final WebServer server;
    private final DashboardRoutes routes;

    private DashboardServer(WebServer server, DashboardRoutes routes) {
        this.server = server;
        this.routes = routes;
    }

    /**
     * Serves {@code view} on {@code host:port} (0 picks a free port).
     *
     * @param reportFolder the simulate run's output folder (report and plots), empty for none
     */
    public static DashboardServer start(DashboardView view, Optional<Path> reportFolder, String host, int port) {
        HttpRouting.Builder routing = HttpRouting.builder();
        DashboardRoutes routes = DashboardRoutes.register(routing, view, reportFolder);
        WebServer server = WebServer.builder().host(host).port(port).routing(routing).build().start();
        return new DashboardServer(server, routes);
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        routes.close();
        server.stop();
    }
}
