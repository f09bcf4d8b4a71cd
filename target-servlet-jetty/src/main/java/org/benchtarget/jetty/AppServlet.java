package org.benchtarget.jetty;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.benchtarget.core.App;
import org.benchtarget.servlet.ServletAppHandler;

import java.io.IOException;

/**
 * The one servlet, mapped to "/": every request to servlet-adapter's handler (app-core routes and answers, the result
 * is written, Server included). It overrides {@code service} so every method (and HEAD) goes through app-core's
 * routing, 405s included. Thread-safe.
 */
final class AppServlet extends HttpServlet {
    private final transient ServletAppHandler handler;

    AppServlet(App app) {
        this.handler = ServletAppHandler.settingServerHeader(app);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handler.handle(request, response);
    }
}
