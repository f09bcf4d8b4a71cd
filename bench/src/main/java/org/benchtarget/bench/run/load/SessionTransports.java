package org.benchtarget.bench.run.load;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.net.http.HttpClient;

/**
 * The connections under one level's sessions. HTTP/1.1: HttpClient 5's pool of up to {@code connections}, shared.
 * HTTP/2 (the profile serves it, {@code Spec.http2}, and connections are kept alive; without keep-alive the driver
 * opens a new HTTP/1.1 connection per request, as ab does): JDK clients of one connection each, session {@code slot}
 * on client {@code slot % clients}, so up to {@link #H2_CONNECTIONS} users each have a connection of their own (as
 * h2load -c with one stream in flight) and more share them, multiplexed.
 */
final class SessionTransports implements AutoCloseable {
    /** HTTP/2: at most this many connections (each JDK client runs a selector thread of its own). */
    static final int H2_CONNECTIONS = 256;

    private final LoadDriver.Spec spec;
    private final CloseableHttpClient http1;
    private final HttpClient[] http2;

    SessionTransports(LoadDriver.Spec spec, int connections) {
        this.spec = spec;
        if (http2(spec)) {
            this.http1 = null;
            this.http2 = new HttpClient[Math.min(connections, H2_CONNECTIONS)];
            for (int i = 0; i < http2.length; i++) {
                http2[i] = Http2Transport.client(spec.timeout());
            }
        } else {
            this.http1 = http1(spec, connections);
            this.http2 = null;
        }
    }

    /** Whether sessions speak HTTP/2: the profile serves it and connections are kept alive. */
    static boolean http2(LoadDriver.Spec spec) {
        return spec.http2() && spec.keepalive();
    }

    /** A transport for one session (its cookies its own); {@code slot} picks its HTTP/2 connection. */
    Transport forSession(long slot) {
        return http1 != null ? new Http1Transport(http1, spec.keepalive(), spec.acceptGzip())
                : new Http2Transport(http2[(int) (slot % http2.length)], spec.acceptGzip(), spec.timeout());
    }

    private static CloseableHttpClient http1(LoadDriver.Spec spec, int connections) {
        var timeout = Timeout.of(spec.timeout());
        var manager = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(timeout).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout)
                        .setSocketTimeout(timeout)
                        .setValidateAfterInactivity(TimeValue.NEG_ONE_MILLISECOND)
                        .build())
                // over https, the target's own (self-signed) certificate, unchecked as wrk and h2load leave it
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(LoopbackTls.acceptingAnyCertificate())
                        .setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
                        .buildClassic())
                .build();
        var builder = HttpClients.custom()
                .setConnectionManager(manager)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableContentCompression()
                .setUserAgent("benchtarget-bench");
        if (!spec.keepalive()) {
            builder.setConnectionReuseStrategy((request, response, context) -> false);
        }
        return builder.build();
    }

    @Override
    public void close() {
        if (http1 != null) {
            http1.close(CloseMode.GRACEFUL);
        } else {
            for (var client : http2) {
                client.shutdownNow();
            }
        }
    }
}
