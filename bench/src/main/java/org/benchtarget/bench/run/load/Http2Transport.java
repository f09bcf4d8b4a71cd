package org.benchtarget.bench.run.load;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP/2 through the JDK's HttpClient: h2 by ALPN over https, h2c over http (the first request upgrades, as the targets
 * allow). The client (one connection, multiplexed) may be shared; cookies are this session's own, kept by a
 * {@link CookieManager} the transport applies itself. An answer over any other protocol is an error: the run asked for
 * HTTP/2 and must not measure HTTP/1.1 under its name. Keep-alive only. Not thread-safe.
 */
final class Http2Transport implements Transport {
    private final HttpClient client;
    private final boolean acceptGzip;
    private final Duration timeout;
    private final CookieManager cookies = new CookieManager();

    Http2Transport(HttpClient client, boolean acceptGzip, Duration timeout) {
        this.client = client;
        this.acceptGzip = acceptGzip;
        this.timeout = timeout;
    }

    /** A client for {@link Http2Transport}s: HTTP/2, the loopback TLS context, no redirects followed. */
    static HttpClient client(Duration timeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .sslContext(LoopbackTls.acceptingAnyCertificate())
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void cookie(URI base, String name, String value) {
        var cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    @Override
    public Answer send(String method, URI uri, String form, boolean keepBody) throws IOException {
        var request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (acceptGzip) {
            request.header("Accept-Encoding", "gzip");
        }
        cookies.get(uri, Map.of()).forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        HttpResponse<?> response;
        try {
            response = keepBody ? client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                    : client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        if (response.version() != HttpClient.Version.HTTP_2) {
            throw new IOException("answered over " + response.version() + ", not HTTP/2");
        }
        var headers = response.headers();
        cookies.put(uri, headers.map());
        return new Answer(response.statusCode(), keepBody ? (byte[]) response.body() : null, headers.firstValue("content-encoding").orElse(null),
                headers.firstValue("location").orElse(null));
    }
}
