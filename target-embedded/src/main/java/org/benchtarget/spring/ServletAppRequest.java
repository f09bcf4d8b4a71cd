package org.benchtarget.spring;

import jakarta.servlet.http.HttpServletRequest;
import org.benchtarget.core.web.BodyLimit;
import org.benchtarget.core.web.WebRequest;

import java.io.IOException;

/** A Servlet request seen as a {@link WebRequest}. Confined to the request's thread. */
final class ServletAppRequest implements WebRequest {
    private final HttpServletRequest request;

    ServletAppRequest(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        // DispatcherServlet is mapped to "/": the servlet path is the whole decoded path.
        var pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }

    @Override
    public String rawQuery() {
        return request.getQueryString();
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
