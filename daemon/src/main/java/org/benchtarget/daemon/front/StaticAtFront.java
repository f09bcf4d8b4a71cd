package org.benchtarget.daemon.front;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.benchtarget.core.web.HttpDate;
import org.benchtarget.undertow.ExchangeRequest;
import org.benchtarget.undertow.ResultWriter;


/**
 * {@code /hello.txt} and {@code /static/...} answered by the Undertow front itself, on its IO thread, from
 * {@link FrontFiles}. Thread-safe.
 */
final class StaticAtFront implements HttpHandler {
    private final FrontFiles files;
    private final HttpDate date;
    private final String server;
    private final boolean keepalive;

    StaticAtFront(FrontFiles files, HttpDate date, String server, boolean keepalive) {
        this.files = files;
        this.date = date;
        this.server = server;
        this.keepalive = keepalive;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        long start = System.nanoTime();
        var result = files.answer(routed(exchange), ExchangeRequest.withoutBody(exchange, start), start);
        ResultWriter.write(exchange, result, server, date.now(), keepalive);
    }

    /** Returns the path a backend would route (app-core's RequestPath), or "" for one it refuses. */
    static String routed(HttpServerExchange exchange) {
        return FrontFiles.routed(ExchangeRequest.rawPath(exchange));
    }
}
