package org.benchtarget.jetty.core;

import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.WindowRateControl;
import org.eclipse.jetty.http2.server.AbstractHTTP2ServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import javax.net.ssl.SSLContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection factories of a Jetty connector for the {@code tls} and {@code http2} knobs, shared by embedded Jetty
 * and Spring's Jetty: HTTP/1.1 always; over TLS (1.2 and 1.3) with h2 by ALPN when http2 is on; in the clear with h2c
 * (prior knowledge and Upgrade: h2c) when http2 is on. Only the Jetty targets load it (container mode's jetty-home
 * has its own modules), so its HTTP/2 and ALPN dependencies are provided. Stateless.
 */
public final class JettyProtocols {
    /**
     * Stream events (resets, bad frames) a connection may cause per second before Jetty closes it: rapid reset
     * (CVE-2023-44487) opens and resets streams without bound otherwise. Jetty's own default, stated here.
     */
    private static final int MAX_STREAM_EVENTS_PER_SECOND = 128;

    private JettyProtocols() {
    }

    /**
     * Returns the factories in the order a connector takes them (the first is what a new connection speaks).
     *
     * @param tls       the server's TLS context, or null for cleartext
     * @param protocols the TLS versions to allow (TLSv1.3, TLSv1.2)
     * @param maxStreams concurrent h2 streams per connection
     */
    public static List<ConnectionFactory> factories(HttpConfiguration http, SSLContext tls, List<String> protocols,
                                                    boolean http2, int maxStreams) {
        var factories = new ArrayList<ConnectionFactory>();
        var http1 = new HttpConnectionFactory(http);
        if (tls == null) {
            factories.add(http1);
            if (http2) {
                factories.add(limited(new HTTP2CServerConnectionFactory(http), maxStreams));
            }
            return factories;
        }
        var secure = new SecureRequestCustomizer();
        // the self-signed certificate names localhost and the loopback addresses, not every name a client may use
        secure.setSniHostCheck(false);
        secure.setSniRequired(false);
        http.addCustomizer(secure);
        var ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls);
        ssl.setIncludeProtocols(protocols.toArray(String[]::new));
        if (!http2) {
            factories.add(new SslConnectionFactory(ssl, http1.getProtocol()));
            factories.add(http1);
            return factories;
        }
        ssl.setCipherComparator(HTTP2Cipher.COMPARATOR); // h2's own cipher rules first (RFC 9113 9.2.2)
        // ALPN ids are case-sensitive ("http/1.1"); the connector finds its HTTP/1.1 factory ("HTTP/1.1") by either
        var alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
        alpn.setDefaultProtocol("http/1.1"); // a client that offers no ALPN speaks HTTP/1.1
        factories.add(new SslConnectionFactory(ssl, alpn.getProtocol()));
        factories.add(alpn);
        factories.add(limited(new HTTP2ServerConnectionFactory(http), maxStreams));
        factories.add(http1);
        return factories;
    }

    private static ConnectionFactory limited(AbstractHTTP2ServerConnectionFactory h2, int maxStreams) {
        h2.setMaxConcurrentStreams(maxStreams);
        h2.setRateControlFactory(new WindowRateControl.Factory(MAX_STREAM_EVENTS_PER_SECOND));
        return h2;
    }
}
