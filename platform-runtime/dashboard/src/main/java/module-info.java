/**
 * The live web dashboard: a read-only view model ({@link io.mvtrx.runtime.dashboard.DashboardView}) that a step loop
 * publishes to, and the Helidon routes serving its pages, JSON API and server-sent events
 * ({@link io.mvtrx.runtime.dashboard.DashboardRoutes}).
 */
module io.mvtrx.runtime.dashboard {
    requires transitive io.mvtrx.api;
    requires transitive io.helidon.webserver;
    requires io.helidon.http;

    exports io.mvtrx.runtime.dashboard;
}
