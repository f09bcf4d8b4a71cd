package org.benchtarget.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.benchtarget.core.App;

import java.io.IOException;
import java.time.Duration;

/**
 * What a Servlet target does with every request: adapt it ({@link ServletWebRequest}), let app-core route and answer
 * (404, 405 with Allow, HEAD as GET, errors), write the result ({@link ServletResultWriter}). The targets' servlet and
 * Spring front controller only hand requests here. Thread-safe (no state beyond the App).
 */
public final class ServletAppHandler {
    private final App app;
    private final ServletResultWriter writer;
    private final Duration bodyDeadline;

    private ServletAppHandler(App app, ServletResultWriter writer) {
        this.app = app;
        this.writer = writer;
        this.bodyDeadline = app.settings().limits().idleTimeout();
    }

    /** For a plain servlet: the app's Server header is set here. */
    public static ServletAppHandler settingServerHeader(App app) {
        return new ServletAppHandler(app, new ServletResultWriter(app.serverHeader(), app.settings().keepalive()));
    }

    /** For a container that sets Server itself (Spring Boot's {@code server.server-header}). */
    public static ServletAppHandler serverHeaderByContainer(App app) {
        return new ServletAppHandler(app, new ServletResultWriter(null, app.settings().keepalive()));
    }

    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var webRequest = new ServletWebRequest(request, bodyDeadline);
        var match = app.resolve(webRequest.method(), webRequest.path());
        if (app.isAsync(match)) { // a delay or stream: this thread returns now, the fixture timer answers
            app.handleAsync(match, webRequest, new AsyncResponder(request, response, writer));
            return;
        }
        writer.write(request, response, app.handle(match, webRequest));
    }
}
