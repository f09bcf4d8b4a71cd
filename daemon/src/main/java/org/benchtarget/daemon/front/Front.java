package org.benchtarget.daemon.front;

import org.benchtarget.core.config.Modes.FrontKind;
import org.benchtarget.core.config.Modes.ProxyProtocol;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.tls.ServerTls;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * The front of daemon mode: serves {@code /hello.txt} and {@code /static/...} itself and proxies every
 * other request to the live backends over kept-alive connections. The supervisor tells it when a
 * backend goes down or comes back. Thread-safe.
 */
public interface Front extends AutoCloseable {

    /**
     * Starts the front named by {@code front=}; {@code listing} renders {@code GET /backends} (JSON). {@code tls}
     * non-null (tls=on): the front terminates TLS (and h2 via ALPN with http2=on) and marks cookies Secure; the
     * backends behind it speak HTTP/1.1 in the clear.
     */
    static Front start(Settings settings, ServerTls tls, List<URI> backends, Supplier<String> listing) {
        return switch (settings.daemon().front()) {
            case UNDERTOW -> UndertowFront.start(settings, tls, backends, listing);
            case NGINX -> NginxFront.start(settings, tls, backends, listing);
            case HAPROXY -> HaproxyFront.start(settings, tls, backends.stream().map(backend -> address(backend, "")).toList(), listing);
            case JETTY -> JettyFront.start(settings, tls, backends, listing);
        };
    }

    /**
     * Returns how a child front's configuration names a backend: {@code 127.0.0.1:40001}, or for a Unix socket
     * ({@code unix:/dir/b1.sock}) its path after {@code unixPrefix} (nginx: {@code unix:}; haproxy: none).
     */
    static String address(URI backend, String unixPrefix) {
        return "unix".equals(backend.getScheme()) ? unixPrefix + backend.getPath() : backend.getHost() + ":" + backend.getPort();
    }

    /**
     * Stops with one line if the front cannot run here (nginx or haproxy not installed) or cannot speak
     * proxy.protocol, before any backend starts.
     */
    static void check(Settings settings) {
        if (settings.daemon().protocol() == ProxyProtocol.H2C && settings.daemon().front() == FrontKind.NGINX) {
            throw new SettingsException("proxy.protocol=h2c: front=nginx proxies HTTP/1.x only (its HTTP/2 upstreams are gRPC's); "
                    + "use front=jetty, undertow or haproxy, or proxy.protocol=http1");
        }
        switch (settings.daemon().front()) {
            case NGINX -> NginxFront.binary();
            case HAPROXY -> HaproxyFront.binary();
            case UNDERTOW, JETTY -> { }
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
