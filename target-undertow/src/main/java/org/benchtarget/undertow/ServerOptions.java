package org.benchtarget.undertow;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.TlsSettings;
import org.benchtarget.core.tls.ServerTls;
import org.xnio.Options;
import org.xnio.Sequence;

/**
 * The Undertow listener both Undertow servers share, the app server and the daemon front: address, IO threads, the
 * {@code request.*} limits, backlog and max-connections, and the options that keep requests exactly as sent. Each adds
 * its own workers, buffers and handler. Stateless.
 */
public final class ServerOptions {
    private ServerOptions() {
    }

    /** Cleartext HTTP/1.1 (the daemon front). */
    public static Undertow.Builder builder(Settings settings) {
        return builder(settings, null);
    }

    /**
     * {@code tls} non-null: an HTTPS listener instead (TLS 1.2 and 1.3). {@code http2=on} adds HTTP/2 beside
     * HTTP/1.1 on the same port: h2 via ALPN over TLS; h2c by prior knowledge or Upgrade: h2c in the clear.
     */
    public static Undertow.Builder builder(Settings settings, ServerTls tls) {
        var limits = settings.limits();
        int idleMillis = Math.toIntExact(limits.idleTimeout().toMillis());
        var builder = Undertow.builder();
        if (tls == null) {
            builder.addHttpListener(settings.port(), settings.host());
        } else {
            builder.addHttpsListener(settings.port(), settings.host(), tls.context())
                    .setSocketOption(Options.SSL_ENABLED_PROTOCOLS, Sequence.of(ServerTls.PROTOCOLS));
        }
        boolean http2 = TlsSettings.of(settings).http2();
        return builder
                .setIoThreads(settings.ioThreads())
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, limits.maxHeaderBytes())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) limits.maxBodyBytes())
                // silent connections, between requests and mid-request, are closed ... (a body that stalls or
                // trickles is cut off by its own deadline: BodyFirst on the app server, BodyDeadline on the
                // daemon front; no XNIO READ_TIMEOUT, which re-arms a timer on every read: /hello ~5% slower)
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, idleMillis)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, idleMillis)
                // ... and so is one trickling its head a byte at a time (slowloris): the whole head within the timeout
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, idleMillis)
                .setServerOption(UndertowOptions.ENABLE_HTTP2, http2)
                // h2: a bounded number of streams per connection, and a connection resetting streams faster than
                // Undertow's limit (200 RST_STREAM in 30 s, its default, stated here) is closed (rapid reset, CVE-2023-44487)
                .setServerOption(UndertowOptions.HTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, TlsSettings.MAX_CONCURRENT_STREAMS)
                .setServerOption(UndertowOptions.MAX_RST_FRAMES_PER_WINDOW, UndertowOptions.DEFAULT_MAX_RST_FRAMES_PER_WINDOW)
                .setServerOption(UndertowOptions.RST_FRAMES_TIME_WINDOW, UndertowOptions.DEFAULT_RST_FRAMES_TIME_WINDOW)
                .setServerOption(UndertowOptions.HTTP2_SETTINGS_MAX_HEADER_LIST_SIZE, limits.maxHeaderBytes())
                // Undertow caches Date in a static field refreshed by a timer on an IO thread; a stopped
                // server's timer never fires, leaving every later server in the JVM a stale Date. Ours is exact.
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
                // Paths and queries go on undecoded: app-core (or, behind the front, the backend) judges them, so
                // malformed escapes get our 400 with a reason.
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setSocketOption(Options.BACKLOG, settings.backlog())
                // Past max-connections XNIO stops accepting (new connections wait in the backlog) and resumes below it.
                .setSocketOption(Options.CONNECTION_HIGH_WATER, settings.maxConnections())
                .setSocketOption(Options.CONNECTION_LOW_WATER, settings.maxConnections());
    }
}
