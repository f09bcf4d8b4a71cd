package org.benchtarget.spring;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Jetty's answer to requests it refuses before the app sees them (a bad escape in the path, headers
 * or URI over the limits): CONTRACT's one-line text/plain reason with the Server header, instead of
 * Jetty's HTML page. Stateless.
 */
final class PlainErrorHandler extends ErrorHandler {
    private final String serverHeader;

    PlainErrorHandler(String serverHeader) {
        this.serverHeader = serverHeader;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.SERVER, serverHeader);
        response.write(true, ByteBuffer.wrap(reason(code, message)), callback);
    }

    private static byte[] reason(int code, String message) {
        var status = HttpStatus.getMessage(code).toLowerCase(Locale.ROOT);
        var detail = message == null || message.equalsIgnoreCase(HttpStatus.getMessage(code))
                ? "" : ": " + message.lines().findFirst().orElse("");
        return (status + detail + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
