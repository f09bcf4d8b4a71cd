package org.benchtarget.bench.verify;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * How every check reaches the target ({@code bench verify --tls --h2 --h2c --cacert FILE --insecure}): the HTTP
 * version the checks' HttpClients ask for (HTTP/2: h2 by ALPN over TLS, h2c by Upgrade in the clear) and whom they
 * trust over TLS. Raw-socket checks speak HTTP/1.1 bytes, over TLS when the base URL is https. One per process,
 * set before the checks run (bench verify, or a test class); the default is HTTP/1.1 trusting the JDK's CAs.
 *
 * @param http2 the checks' HttpClients ask for HTTP/2
 * @param ssl   the TLS client context (trust), or null: the JDK's default
 */
public record ClientTransport(boolean http2, SSLContext ssl) {
    public static final ClientTransport DEFAULT = new ClientTransport(false, null);
    private static volatile ClientTransport current = DEFAULT;

    public static ClientTransport current() {
        return current;
    }

    /** Makes every check client from now on use {@code transport}. */
    public static void use(ClientTransport transport) {
        current = transport;
    }

    /** A client builder for the current transport: version and TLS trust set; the caller adds its own timeouts. */
    public static HttpClient.Builder newClient() {
        var transport = current;
        var builder = HttpClient.newBuilder().version(transport.http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
        if (transport.ssl != null) {
            builder.sslContext(transport.ssl);
        }
        return builder;
    }

    /** Opens a raw connection to the target: TLS (handshake done, ALPN http/1.1) when {@code base} is https. */
    static Socket socket(URI base, int timeoutMillis) throws IOException {
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() != -1 ? base.getPort() : tls ? 443 : 80;
        var plain = new Socket(base.getHost(), port);
        plain.setSoTimeout(timeoutMillis);
        if (!tls) {
            return plain;
        }
        try {
            var context = current.ssl != null ? current.ssl : SSLContext.getDefault();
            var socket = (SSLSocket) context.getSocketFactory().createSocket(plain, base.getHost(), port, true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        } catch (GeneralSecurityException e) {
            plain.close();
            throw new IOException(e);
        }
    }

    /** Trusts the certificates in a PEM file (the target's self-signed one: its tlsCertFile in /info). */
    public static SSLContext trusting(Path pemFile) throws IOException, GeneralSecurityException {
        var store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pemFile)) {
            int i = 0;
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
        }
        if (store.size() == 0) {
            throw new GeneralSecurityException(pemFile + ": no certificate in it (expected PEM)");
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        var context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), new SecureRandom());
        return context;
    }

    /**
     * Trusts any certificate and name (curl's --insecure). The JDK's HttpClient checks the host name apart from the
     * trust manager; its switch is read once, when its first client is made, so it is set here, before any check runs.
     */
    public static SSLContext insecure() throws GeneralSecurityException {
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        var context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return context;
    }
}
