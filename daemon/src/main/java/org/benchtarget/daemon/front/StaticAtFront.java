package org.benchtarget.daemon.front;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.benchtarget.core.App;
import org.benchtarget.core.files.StaticFiles;
import org.benchtarget.core.fixture.ServerTiming;
import org.benchtarget.core.web.HttpDate;
import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.RequestPath;
import org.benchtarget.undertow.ExchangeRequest;
import org.benchtarget.undertow.ResultWriter;


/**
 * {@code /hello.txt} and {@code /static/...} answered by the front itself, on its IO thread, from
 * app-core's {@link StaticFiles}: the same bytes, ETag and Last-Modified as a backend would send.
 * Thread-safe.
 */
final class StaticAtFront implements HttpHandler {
    private final StaticFiles files;
    private final HttpDate date;
    private final String server;
    private final boolean gzip;
    private final boolean keepalive;
    private final boolean serverTiming;

    StaticAtFront(StaticFiles files, HttpDate date, String server, boolean gzip, boolean keepalive, boolean serverTiming) {
        this.files = files;
        this.date = date;
        this.server = server;
        this.gzip = gzip;
        this.keepalive = keepalive;
        this.serverTiming = serverTiming;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        long start = System.nanoTime();
        var result = files.serve(routed(exchange), ExchangeRequest.withoutBody(exchange, start));
        if (serverTiming) {
            result = result.withHeader("Server-Timing", ServerTiming.format(-1, System.nanoTime() - start, -1));
        }
        if (gzip && result.body().length() >= App.GZIP_MIN_BYTES) {
            result = result.withHeader("Vary", "Accept-Encoding");
        }
        ResultWriter.write(exchange, result, server, date.now(), keepalive);
    }

    /** Returns the path a backend would route (app-core's {@link RequestPath}), or "" for one it refuses. */
    static String routed(HttpServerExchange exchange) {
        try {
            return RequestPath.route(ExchangeRequest.rawPath(exchange));
        } catch (HttpProblem refused) {
            return "";
        }
    }
}
