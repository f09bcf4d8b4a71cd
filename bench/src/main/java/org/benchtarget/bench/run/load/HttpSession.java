package org.benchtarget.bench.run.load;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One virtual user's conversation with the target: its own cookies, every request timed and counted.
 * Not thread-safe: one session per virtual user and journey.
 */
public final class HttpSession {
    private final CloseableHttpClient client;
    private final URI base;
    private final boolean keepalive;
    private final boolean acceptGzip;
    private final Tally tally;
    private final HttpClientContext context = HttpClientContext.create();
    private long originNanos;

    HttpSession(CloseableHttpClient client, URI base, boolean keepalive, boolean acceptGzip, Tally tally, long originNanos) {
        this.client = client;
        this.base = base;
        this.keepalive = keepalive;
        this.acceptGzip = acceptGzip;
        this.tally = tally;
        this.originNanos = originNanos;
        context.setCookieStore(new BasicCookieStore());
    }

    /** A response as a journey sees it; body is empty unless asked for. */
    public record Response(int status, String body, String location) {
    }

    /** GETs a path and discards the body (cheapest for the driver). */
    public int fetch(String path) throws IOException {
        return send(new HttpGet(base.resolve(path)), false).status();
    }

    /** GETs a path and keeps the body, e.g. to read a form's hidden fields. */
    public Response get(String path) throws IOException {
        return send(new HttpGet(base.resolve(path)), true);
    }

    /** POSTs an urlencoded form; redirects are not followed (a journey checks them). */
    public Response postForm(String path, Map<String, String> fields) throws IOException {
        var post = new HttpPost(base.resolve(path));
        post.setEntity(new UrlEncodedFormEntity(fields.entrySet().stream()
                .map(field -> new BasicNameValuePair(field.getKey(), field.getValue())).toList(), StandardCharsets.UTF_8));
        return send(post, true);
    }

    /** POSTs an already urlencoded form body (repeated names allowed, as multiple-choice answers need). */
    public Response postEncoded(String path, String encodedForm) throws IOException {
        var post = new HttpPost(base.resolve(path));
        post.setEntity(new StringEntity(encodedForm,
                ContentType.APPLICATION_FORM_URLENCODED));
        return send(post, true);
    }

    /** A body the journey reads (a form's hidden fields, links), inflated when the target gzipped it. */
    private static String text(HttpEntity entity) throws IOException, ParseException {
        if (!"gzip".equalsIgnoreCase(entity.getContentEncoding())) {
            return EntityUtils.toString(entity, StandardCharsets.UTF_8);
        }
        try (var in = new GZIPInputStream(entity.getContent())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Response send(HttpUriRequestBase request, boolean keepBody) throws IOException {
        if (!keepalive) {
            // like ab without -k: a new connection per request
            request.setHeader("Connection", "close");
        }
        if (acceptGzip) {
            // as a browser would; bodies nobody reads stay gzipped (cheapest for the driver)
            request.setHeader("Accept-Encoding", "gzip");
        }
        // open loop: the first request is timed from when it should have been sent (no coordinated omission)
        long sent = System.nanoTime();
        long start = originNanos != 0 ? originNanos : sent;
        originNanos = 0;
        try {
            var response = client.execute(request, context, answer -> {
                var entity = answer.getEntity();
                String body = "";
                if (entity != null) {
                    if (keepBody) {
                        body = text(entity);
                    } else {
                        EntityUtils.consume(entity);
                    }
                }
                var location = answer.getFirstHeader("Location");
                return new Response(answer.getCode(), body, location == null ? null : location.getValue());
            });
            // a form POST is answered 303 (post/redirect/get): not a failed request
            long end = System.nanoTime();
            tally.answered(response.status(), (end - start) / 1_000, (end - sent) / 1_000, request instanceof HttpPost);
            return response;
        } catch (IOException e) {
            tally.failed(e);
            throw e;
        }
    }
}
