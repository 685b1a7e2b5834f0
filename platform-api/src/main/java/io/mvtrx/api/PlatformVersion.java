package io.mvtrx.api;

/**
 * The version of this API. Plugins declare the API range they need in {@code Plugin-Requires}; the plugin host
 * refuses a plugin whose range does not include this version.
 */
public final class PlatformVersion {

    /** Semantic version of the platform API. */
    public static final String API_VERSION = "0.1.0";

    private PlatformVersion() {
    }
}
