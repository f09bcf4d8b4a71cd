package org.benchtarget.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.benchtarget.core.web.WebResult;

import java.io.IOException;

/** Writes app-core's {@link WebResult} to a Servlet response, on every Servlet target. Immutable, thread-safe. */
final class ServletResultWriter {
    private final String server;
    private final boolean keepalive;

    /** {@code server}: the Server header to set, or null where the container sets it. */
    ServletResultWriter(String server, boolean keepalive) {
        this.server = server;
        this.keepalive = keepalive;
    }

    void write(HttpServletRequest request, HttpServletResponse response, WebResult result) throws IOException {
        writeHead(response, result);
        var body = result.body();
        if (body.isEmpty()) {
            return;
        }
        if (!body.chunked()) {
            response.setContentLength(body.length());
        }
        if (!request.getMethod().equals("HEAD")) {
            body.writeTo(response.getOutputStream());
            if (body.chunked()) {
                response.flushBuffer(); // committed without a length: chunked on HTTP/1.1 whatever the buffer size
            }
        }
    }

    /** Sets the status and headers of {@code result}, not its body. */
    void writeHead(HttpServletResponse response, WebResult result) {
        response.setStatus(result.status());
        if (server != null) {
            response.setHeader("Server", server);
        }
        if (!keepalive) {
            response.setHeader("Connection", "close");
        }
        if (result.contentType() != null) {
            response.setContentType(result.contentType());
        }
        for (var header : result.headers()) {
            // Jetty's CompressionHandler (gzip, also under Spring) has already said Vary: Accept-Encoding; app-core says it too.
            if (!header.name().equals("Vary") || !response.getHeaders("Vary").contains(header.value())) {
                response.addHeader(header.name(), header.value());
            }
        }
    }
}
