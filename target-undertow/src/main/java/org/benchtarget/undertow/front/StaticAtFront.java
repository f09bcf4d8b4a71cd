package org.benchtarget.undertow.front;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.benchtarget.core.App;
import org.benchtarget.core.files.StaticFiles;
import org.benchtarget.core.web.HttpDate;
import org.benchtarget.undertow.ExchangeRequest;

import java.nio.ByteBuffer;

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

    StaticAtFront(StaticFiles files, HttpDate date, String server, boolean gzip, boolean keepalive) {
        this.files = files;
        this.date = date;
        this.server = server;
        this.gzip = gzip;
        this.keepalive = keepalive;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        var result = files.serve(exchange.getRequestPath(), new ExchangeRequest(exchange, System.nanoTime()));
        if (gzip && result.body().length >= App.GZIP_MIN_BYTES) {
            result = result.withHeader("Vary", "Accept-Encoding");
        }
        if (!keepalive) {
            exchange.setPersistent(false);
        }
        exchange.setStatusCode(result.status());
        var headers = exchange.getResponseHeaders();
        headers.put(Headers.SERVER, server);
        headers.put(Headers.DATE, date.now());
        if (result.contentType() != null) {
            headers.put(Headers.CONTENT_TYPE, result.contentType());
        }
        for (var header : result.headers()) {
            headers.add(HttpString.tryFromString(header.name()), header.value());
        }
        if (result.body().length == 0) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(result.body()));
        }
    }
}
