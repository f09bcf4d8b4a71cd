package org.benchtarget.undertow;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import org.benchtarget.core.config.Settings;
import org.xnio.Options;

/**
 * The Undertow listener both Undertow servers share, the app server and the daemon front: address, IO threads, the
 * {@code request.*} limits, backlog and max-connections, and the options that keep requests exactly as sent. Each adds
 * its own workers, buffers and handler. Stateless.
 */
public final class ServerOptions {
    private ServerOptions() {
    }

    public static Undertow.Builder builder(Settings settings) {
        var limits = settings.limits();
        int idleMillis = Math.toIntExact(limits.idleTimeout().toMillis());
        return Undertow.builder()
                .addHttpListener(settings.port(), settings.host())
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
                .setServerOption(UndertowOptions.ENABLE_HTTP2, false)
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
