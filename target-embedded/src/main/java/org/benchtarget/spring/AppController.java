package org.benchtarget.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.benchtarget.core.App;
import org.benchtarget.servlet.ServletAppHandler;
import org.springframework.web.HttpRequestHandler;

import java.io.IOException;

/**
 * The front controller: servlet-adapter's handler adapts the Servlet request, app-core routes (404, 405 with Allow,
 * HEAD as GET), answers and maps errors, and the result is written. Date and Server are the server's (Boot's
 * {@code server.server-header}), gzip is Spring's server compression. Thread-safe.
 */
final class AppController implements HttpRequestHandler {
    private final ServletAppHandler handler;

    AppController(App app) {
        this.handler = ServletAppHandler.serverHeaderByContainer(app);
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handler.handle(request, response);
    }
}
