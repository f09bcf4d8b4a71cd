package org.benchtarget.undertow;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.benchtarget.core.web.WebResult;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Writes an app-core {@link WebResult} to an Undertow exchange: the one place both the app and the daemon front do it. */
public final class ResultWriter {
    /**
     * Header names as Undertow strings, made once: names Undertow does not know (Server-Timing, X-Bench-Mode,
     * X-Query-Count) were a new HttpString, hashed again, on every answer. The app's names are a fixed few;
     * the bound only guards against a future dynamic name.
     */
    private static final Map<String, HttpString> NAMES = new ConcurrentHashMap<>();
    private static final int MAX_NAMES = 256;

    private ResultWriter() {
    }

    private static HttpString name(String name) {
        var known = NAMES.get(name);
        if (known != null) {
            return known;
        }
        var made = HttpString.tryFromString(name);
        if (NAMES.size() < MAX_NAMES) {
            NAMES.putIfAbsent(name, made);
        }
        return made;
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
            headers.add(name(header.name()), header.value());
        }
        if (result.body().length == 0) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(result.body()));
        }
    }
}
