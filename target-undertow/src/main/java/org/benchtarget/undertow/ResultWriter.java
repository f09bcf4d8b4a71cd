package org.benchtarget.undertow;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.benchtarget.core.web.WebResult;

import java.nio.ByteBuffer;

/** Writes an app-core {@link WebResult} to an Undertow exchange: the one place both the app and the daemon front do it. */
public final class ResultWriter {
    private ResultWriter() {
    }

    public static void write(HttpServerExchange exchange, WebResult result, String server, String date, boolean keepalive) {
        if (exchange.isResponseStarted()) {
            return; // Undertow answered already (a body over MAX_ENTITY_SIZE): the connection is being closed
        }
        if (!keepalive) {
            exchange.setPersistent(false);
        }
        exchange.setStatusCode(result.status());
        var headers = exchange.getResponseHeaders();
        headers.put(Headers.SERVER, server);
        headers.put(Headers.DATE, date);
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
