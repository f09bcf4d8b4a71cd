package org.benchtarget.jetty;

import jakarta.servlet.http.HttpServletRequest;
import org.benchtarget.core.web.BodyLimit;
import org.benchtarget.core.web.WebRequest;

import java.io.IOException;

/** A Servlet request seen as a {@link WebRequest}. Confined to the request's thread. */
final class ServletWebRequest implements WebRequest {
    private final HttpServletRequest request;
    private final String path;

    ServletWebRequest(HttpServletRequest request) {
        this.request = request;
        // The raw (undecoded) path below the context, as Undertow's adapter passes it: malformed
        // escapes reach app-core and get its 400 with a reason, and both targets route the same bytes.
        var uri = request.getRequestURI();
        var context = request.getContextPath();
        this.path = context.isEmpty() ? uri : uri.substring(context.length());
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String rawQuery() {
        var query = request.getQueryString();
        return query == null || query.isEmpty() ? null : query;
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public byte[] body(int limit) throws IOException {
        return BodyLimit.read(request.getInputStream(), request.getContentLengthLong(), limit);
    }
}
