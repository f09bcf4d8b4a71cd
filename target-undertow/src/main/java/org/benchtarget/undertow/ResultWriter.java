package org.benchtarget.undertow;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.benchtarget.core.web.Body;
import org.benchtarget.core.web.WebResult;

import java.io.IOException;
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
        if (!head(exchange, result, server, date, keepalive)) {
            return;
        }
        var body = result.body();
        if (body.isEmpty()) {
            exchange.endExchange();
            return;
        }
        if (body.chunked() || body.blocks()) {
            sendBlocks(exchange, body);
            return;
        }
        var pool = exchange.getConnection().getByteBufferPool();
        if (body.parts().size() > 1 && body.length() <= pool.getBufferSize()) {
            sendPooled(exchange, body, pool.allocate());
        } else {
            // One part as it is; a page larger than a pooled buffer (a wall) joined once: hundreds of small heap
            // parts in one gathering write would each take a temporary direct buffer of the socket's.
            exchange.getResponseSender().send(ByteBuffer.wrap(body.bytes()));
        }
    }

    /**
     * GET /bytes/{n}: its large parts (one block, recurring) in one gathering write, uncopied. Chunked: no length is
     * set, and a callback other than END_EXCHANGE keeps the sender from setting one, so HTTP/1.1 goes chunked.
     */
    private static void sendBlocks(HttpServerExchange exchange, Body body) {
        var buffers = new ByteBuffer[body.parts().size()];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = ByteBuffer.wrap(body.parts().get(i));
        }
        if (!body.chunked()) {
            exchange.setResponseContentLength(body.length());
        }
        exchange.getResponseSender().send(buffers, new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange done, Sender sender) {
                IoCallback.END_EXCHANGE.onComplete(done, sender);
            }

            @Override
            public void onException(HttpServerExchange failed, Sender sender, IOException exception) {
                IoCallback.END_EXCHANGE.onException(failed, sender, exception);
            }
        });
    }

    /**
     * Sets the status and headers of {@code result} (not its body); returns false when the response has started
     * already (Undertow answered a body over MAX_ENTITY_SIZE itself: the connection is being closed).
     */
    static boolean head(HttpServerExchange exchange, WebResult result, String server, String date, boolean keepalive) {
        if (exchange.isResponseStarted()) {
            return false;
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
        return true;
    }

    /**
     * Copies a rendered page's parts into one of the connection's pooled direct buffers, given back once written.
     * Handed the heap arrays instead, the socket write copied each into a temporary direct buffer of its own (the
     * home page's dozen parts, a dozen copies). A body of one part (/hello, /db, files) goes as it is: for those
     * the pool's take-and-give-back measured no faster than the socket's one temporary copy.
     */
    private static void sendPooled(HttpServerExchange exchange, Body body, PooledByteBuffer pooled) {
        var buffer = pooled.getBuffer();
        for (var part : body.parts()) {
            buffer.put(part);
        }
        buffer.flip();
        exchange.setResponseContentLength(body.length()); // what Undertow's send does itself only without a callback
        exchange.getResponseSender().send(buffer, new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange done, Sender sender) {
                pooled.close();
                IoCallback.END_EXCHANGE.onComplete(done, sender);
            }

            @Override
            public void onException(HttpServerExchange failed, Sender sender, IOException exception) {
                pooled.close();
                IoCallback.END_EXCHANGE.onException(failed, sender, exception);
            }
        });
    }
}
