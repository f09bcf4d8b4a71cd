package org.benchtarget.jetty.core;

import org.benchtarget.core.web.WebResult;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Writes app-core's {@link WebResult} to a Jetty core {@link Response}: the same status, headers and bytes the Servlet
 * path writes (ServletResultWriter), without the Servlet layer. Jetty adds Date; HEAD's body it drops itself. Also
 * what daemon mode's Jetty front answers itself. Immutable, thread-safe.
 */
public final class CoreResultWriter {
    private static final HttpField CLOSE = new PreEncodedHttpField(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());

    private final HttpField server;
    private final boolean keepalive;

    public CoreResultWriter(String server, boolean keepalive) {
        this.server = new PreEncodedHttpField(HttpHeader.SERVER, server);
        this.keepalive = keepalive;
    }

    public void write(Response response, WebResult result, Callback callback) {
        response.setStatus(result.status());
        var headers = response.getHeaders();
        headers.put(server);
        if (!keepalive) {
            headers.put(CLOSE);
        }
        if (result.contentType() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, result.contentType());
        }
        for (var header : result.headers()) {
            // Jetty's CompressionHandler (gzip) has already said Vary: Accept-Encoding; app-core says it too.
            if (!header.name().equals("Vary") || !headers.contains(HttpHeader.VARY, header.value())) {
                headers.add(header.name(), header.value());
            }
        }
        var body = result.body();
        if (body.isEmpty()) {
            callback.succeeded();
            return;
        }
        // one buffer: a rendered page's parts joined once (a gathering write of many small heap parts costs more)
        var bytes = ByteBuffer.wrap(body.bytes());
        if (body.chunked()) {
            // GET /bytes/{n}?chunked=1: committed by a first write that is not the last, Jetty sends no length
            response.write(false, bytes, Callback.from(() -> response.write(true, BufferUtil.EMPTY_BUFFER, callback), callback::failed));
            return;
        }
        headers.put(HttpHeader.CONTENT_LENGTH, body.length());
        response.write(true, bytes, callback);
    }
}
