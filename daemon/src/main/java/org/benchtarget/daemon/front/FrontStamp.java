package org.benchtarget.daemon.front;

import org.benchtarget.core.fixture.Manifest;
import org.benchtarget.core.web.SecurityHeaders;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;

/**
 * What the Jetty front puts on every answer, its own, the proxied ones and Jetty's errors: nosniff, (manifest=on) the
 * front's X-Bench-Mode, which replaces the backend's (it says daemon, where each backend runs in-process), and
 * (keepalive=off) Connection: close. Set before the answer is written; the proxy drops the backend's copies.
 * Immutable, thread-safe.
 */
final class FrontStamp {
    static final String NOSNIFF = SecurityHeaders.NOSNIFF.name();
    static final String BENCH_MODE = Manifest.HEADER;
    private static final HttpField NOSNIFF_FIELD = new PreEncodedHttpField(NOSNIFF, SecurityHeaders.NOSNIFF.value());
    private static final HttpField CLOSE = new PreEncodedHttpField(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());

    private final HttpField manifest;
    private final boolean keepalive;

    /** {@code manifest}: the front's X-Bench-Mode, or null (manifest=off). */
    FrontStamp(String manifest, boolean keepalive) {
        this.manifest = manifest == null ? null : new PreEncodedHttpField(BENCH_MODE, manifest);
        this.keepalive = keepalive;
    }

    boolean stampsManifest() {
        return manifest != null;
    }

    void apply(Response response) {
        var headers = response.getHeaders();
        headers.put(NOSNIFF_FIELD);
        if (manifest != null) {
            headers.put(manifest);
        }
        if (!keepalive) {
            headers.put(CLOSE);
        }
    }
}
