package org.benchtarget.jetty.core;

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
 * Jetty's answer to requests it refuses before the app sees them (a bad escape or character in the
 * path, headers, URI or body over the limits, broken framing): CONTRACT's one-line text/plain reason
 * instead of Jetty's HTML page, no stack trace. The Server header is the target's ({@code
 * benchtarget.server} system property in container mode). An unsupported HTTP version is a client
 * error, 400, not Jetty's 505: bad input never gets a 5xx. Stateless, thread-safe.
 */
public final class PlainErrorHandler extends ErrorHandler {
    private final String serverHeader;

    /** Container mode (Jetty XML): the Server header from {@code -Dbenchtarget.server}, else benchtarget-jetty. */
    public PlainErrorHandler() {
        this(System.getProperty("benchtarget.server", "benchtarget-jetty"));
    }

    public PlainErrorHandler(String serverHeader) {
        this.serverHeader = serverHeader;
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        int status = code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 ? HttpStatus.BAD_REQUEST_400 : code;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.SERVER, serverHeader);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(reason(code, message).getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** Returns the one-line reason, e.g. {@code bad request: Illegal character CNTL=0x0}, ending in a newline. */
    static String reason(int code, String message) {
        var status = HttpStatus.getMessage(code).toLowerCase(Locale.ROOT);
        var detail = message == null || message.isBlank() || message.equalsIgnoreCase(HttpStatus.getMessage(code))
                ? "" : ": " + message.lines().findFirst().orElse("").strip();
        // one line of printable ASCII: no control characters or raw bytes echoed from the request
        return (status + detail).replaceAll("[^\\x20-\\x7e]", "?") + "\n";
    }
}
