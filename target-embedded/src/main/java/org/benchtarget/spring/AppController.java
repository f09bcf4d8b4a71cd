package org.benchtarget.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.benchtarget.core.App;
import org.benchtarget.core.web.WebResult;
import org.springframework.web.HttpRequestHandler;

import java.io.IOException;

/**
 * The front controller: app-core routes (404, 405 with Allow, HEAD as GET), answers and maps errors;
 * this adapts the Servlet request and writes the result. Date and Server are the server's (Boot's
 * {@code server.server-header}), gzip is Spring's server compression. Thread-safe.
 */
final class AppController implements HttpRequestHandler {
    private final App app;
    private final boolean keepalive;
    private final java.time.Duration bodyDeadline;

    AppController(App app) {
        this.app = app;
        this.keepalive = app.settings().keepalive();
        this.bodyDeadline = app.settings().limits().idleTimeout();
    }

    @Override
    public void handleRequest(HttpServletRequest servletRequest, HttpServletResponse response) throws IOException {
        var request = new ServletAppRequest(servletRequest, bodyDeadline);
        write(response, app.handle(app.resolve(request.method(), request.path()), request));
    }

    private void write(HttpServletResponse response, WebResult result) throws IOException {
        response.setStatus(result.status());
        if (!keepalive) {
            response.setHeader("Connection", "close");
        }
        if (result.contentType() != null) {
            response.setHeader("Content-Type", result.contentType());
        }
        for (var header : result.headers()) {
            // Spring's compression (Jetty's CompressionHandler) has already added Vary: Accept-Encoding
            if (!header.name().equals("Vary") || !response.getHeaders("Vary").contains(header.value())) {
                response.addHeader(header.name(), header.value());
            }
        }
        var body = result.body();
        if (!body.isEmpty()) {
            response.setContentLength(body.length());
            body.writeTo(response.getOutputStream());
        }
    }
}
