package org.benchtarget.bench.run.load;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.impl.cookie.BasicClientCookie;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

import java.io.IOException;
import java.net.URI;

/**
 * HTTP/1.1 through HttpClient 5's pool, shared by every session of a level; the cookies are this session's. Without
 * keep-alive every request asks for {@code Connection: close} (ab without -k). Not thread-safe.
 */
final class Http1Transport implements Transport {
    private final CloseableHttpClient client;
    private final boolean keepalive;
    private final boolean acceptGzip;
    private final HttpClientContext context = HttpClientContext.create();

    Http1Transport(CloseableHttpClient client, boolean keepalive, boolean acceptGzip) {
        this.client = client;
        this.keepalive = keepalive;
        this.acceptGzip = acceptGzip;
        context.setCookieStore(new BasicCookieStore());
    }

    @Override
    public void cookie(URI base, String name, String value) {
        var cookie = new BasicClientCookie(name, value);
        cookie.setDomain(base.getHost());
        cookie.setAttribute(Cookie.DOMAIN_ATTR, base.getHost());
        cookie.setPath("/");
        context.getCookieStore().addCookie(cookie);
    }

    @Override
    public Answer send(String method, URI uri, String form, boolean keepBody) throws IOException {
        HttpUriRequestBase request = form == null ? new HttpGet(uri) : new HttpPost(uri);
        if (form != null) {
            request.setEntity(new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED));
        }
        if (!keepalive) {
            request.setHeader("Connection", "close");
        }
        if (acceptGzip) {
            // as a browser would; bodies nobody reads stay gzipped (cheapest for the driver)
            request.setHeader("Accept-Encoding", "gzip");
        }
        return client.execute(request, context, answer -> {
            var entity = answer.getEntity();
            byte[] body = null;
            String encoding = null;
            if (entity != null) {
                encoding = entity.getContentEncoding();
                if (keepBody) {
                    body = EntityUtils.toByteArray(entity);
                } else {
                    EntityUtils.consume(entity);
                }
            }
            var location = answer.getFirstHeader("Location");
            return new Answer(answer.getCode(), body, encoding, location == null ? null : location.getValue());
        });
    }
}
