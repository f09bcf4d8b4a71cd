package org.benchtarget.daemon.front;

import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.Modes.FrontKind;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * The front of daemon mode: serves {@code /hello.txt} and {@code /static/...} itself and proxies every
 * other request to the live backends over kept-alive connections. The supervisor tells it when a
 * backend goes down or comes back. Thread-safe.
 */
public interface Front extends AutoCloseable {

    /** Starts the front named by {@code front=}; {@code listing} renders {@code GET /backends} (JSON). */
    static Front start(Settings settings, List<URI> backends, Supplier<String> listing) {
        return switch (settings.daemon().front()) {
            case UNDERTOW -> UndertowFront.start(settings, backends, listing);
            case NGINX -> NginxFront.start(settings, backends, listing);
        };
    }

    /** Stops with one line if the front cannot run here (nginx not installed), before any backend starts. */
    static void check(Settings settings) {
        if (settings.daemon().front() == FrontKind.NGINX) {
            NginxFront.binary();
        }
    }

    /** Returns the port clients connect to. */
    int port();

    /** Returns what the front is, for logs and /backends, e.g. {@code undertow 2.3.27.Final}. */
    String describe();

    /** Stops routing to a backend (it died); requests go to the others meanwhile. */
    void backendDown(URI backend);

    /** Routes to a backend again (restarted and healthy). */
    void backendUp(URI backend);

    /** Stops taking connections, lets in-flight requests finish, then stops. */
    @Override
    void close();
}
