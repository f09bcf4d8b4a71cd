package org.benchtarget.daemon.front;

import org.benchtarget.core.App;
import org.benchtarget.core.files.StaticFiles;
import org.benchtarget.core.fixture.ServerTiming;
import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.RequestPath;
import org.benchtarget.core.web.WebRequest;
import org.benchtarget.core.web.WebResult;

/**
 * What a Java front answers itself, whatever its server: {@code /hello.txt} and {@code /static/...} from app-core's
 * {@link StaticFiles} (the same bytes, ETag and Last-Modified as a backend would send), with Server-Timing when asked
 * and Vary where the server may gzip. Immutable, thread-safe.
 */
final class FrontFiles {
    private final StaticFiles files;
    private final boolean gzip;
    private final boolean serverTiming;

    FrontFiles(StaticFiles files, boolean gzip, boolean serverTiming) {
        this.files = files;
        this.gzip = gzip;
        this.serverTiming = serverTiming;
    }

    /** Returns whether the front answers this request itself rather than a backend. */
    static boolean isFile(String method, String routedPath) {
        return (method.equals("GET") || method.equals("HEAD")) && (routedPath.equals("/hello.txt") || routedPath.startsWith("/static/"));
    }

    /** Returns whether this is {@code GET /backends}, the front's own listing. */
    static boolean isListing(String method, String routedPath) {
        return (method.equals("GET") || method.equals("HEAD")) && routedPath.equals("/backends");
    }

    /** Returns whether this is a run window call the front fans out ({@link WindowFanOut}). */
    static boolean isWindow(String method, String routedPath) {
        return routedPath.equals("/bench/window") && (method.equals("POST") || method.equals("DELETE"));
    }

    /** The answer for a routed path; {@code startNanos}: when the front began it (Server-Timing). */
    WebResult answer(String routedPath, WebRequest request, long startNanos) {
        var result = files.serve(routedPath, request);
        if (serverTiming) {
            result = result.withHeader("Server-Timing", ServerTiming.format(-1, System.nanoTime() - startNanos, -1));
        }
        if (gzip && result.body().length() >= App.GZIP_MIN_BYTES) {
            result = result.withHeader("Vary", "Accept-Encoding");
        }
        return result;
    }

    /** Returns the path a backend would route (app-core's {@link RequestPath}), or "" for one it refuses (a backend answers its 400). */
    static String routed(String rawPath) {
        try {
            return RequestPath.route(rawPath);
        } catch (HttpProblem refused) {
            return "";
        }
    }
}
