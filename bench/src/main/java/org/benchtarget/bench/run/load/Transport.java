package org.benchtarget.bench.run.load;

import java.io.IOException;
import java.net.URI;

/**
 * How an {@link HttpSession} puts one request on the wire: HTTP/1.1 through HttpClient's pool ({@link Http1Transport}),
 * or HTTP/2 through the JDK's client ({@link Http2Transport}). A transport serves one session at a time (its cookies
 * are the session's), the connections under it may be shared.
 */
interface Transport {

    /**
     * Sends {@code method} to {@code uri}, with {@code form} as an urlencoded body when not null; redirects are not
     * followed. The body is read whole when {@code keepBody}, else discarded.
     */
    Answer send(String method, URI uri, String form, boolean keepBody) throws IOException;

    /** Adds a cookie (path /, the host of {@code base}) that every later request of this session sends. */
    void cookie(URI base, String name, String value);

    /** What came back: the body's bytes as sent (null when not kept), its Content-Encoding and Location, or null. */
    record Answer(int status, byte[] body, String contentEncoding, String location) {
    }
}
