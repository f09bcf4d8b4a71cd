package org.benchtarget.jetty;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.benchtarget.core.App;
import org.benchtarget.core.web.WebResult;

import java.io.IOException;

/**
 * The one servlet, mapped to "/": route, let app-core answer, write the result. It overrides
 * {@code service} so every method (and HEAD) goes through app-core's routing, 405s included.
 * Thread-safe (no state beyond the App).
 */
final class AppServlet extends HttpServlet {
    private final transient App app;
    private final String server;
    private final boolean keepalive;
    private final java.time.Duration bodyDeadline;

    AppServlet(App app) {
        this.app = app;
        this.server = app.serverHeader();
        this.keepalive = app.settings().keepalive();
        this.bodyDeadline = app.settings().limits().idleTimeout();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var webRequest = new ServletWebRequest(request, bodyDeadline);
        var match = app.resolve(request.getMethod(), webRequest.path());
        write(request, response, app.handle(match, webRequest));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, WebResult result) throws IOException {
        response.setStatus(result.status());
        response.setHeader("Server", server);
        if (!keepalive) {
            response.setHeader("Connection", "close");
        }
        if (result.contentType() != null) {
            response.setContentType(result.contentType());
        }
        for (var header : result.headers()) {
            // Jetty's CompressionHandler has already said Vary: Accept-Encoding; app-core says it too.
            if (!(header.name().equals("Vary") && response.getHeaders("Vary").contains(header.value()))) {
                response.addHeader(header.name(), header.value());
            }
        }
        var body = result.body();
        if (body.isEmpty()) {
            return;
        }
        response.setContentLength(body.length());
        if (!request.getMethod().equals("HEAD")) {
            body.writeTo(response.getOutputStream());
        }
    }
}
