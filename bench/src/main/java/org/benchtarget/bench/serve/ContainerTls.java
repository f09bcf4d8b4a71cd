package org.benchtarget.bench.serve;

import org.benchtarget.core.config.Knob;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.TlsSettings;
import org.benchtarget.core.tls.ServerTls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * TLS in container mode: jetty-home's {@code ssl}/{@code https} modules (and {@code alpn}/{@code http2} for h2) in
 * place of {@code http}, on the same port. jetty-home reads a key store, not PEM files, so the identity bench serve
 * makes or reads (as every target's: {@link ServerTls}) is written into the run's base as PKCS#12 under a random
 * password, both readable by the owner only, and the web app is handed the PEM files for its {@code /info}.
 * The connector gets embedded Jetty's rules: TLS 1.3 and 1.2, session cache, no SNI host check (the self-signed
 * certificate names loopback and localhost only), h2 streams and stream events bounded as JettyProtocols does.
 */
final class ContainerTls {
    static final String KEY_STORE = "etc/benchtarget-tls.p12";
    static final String INI = "start.d/benchtarget-tls.ini";

    private ContainerTls() {
    }

    /** The modules that serve the port: TLS (with h2 by ALPN when http2 is on) in place of cleartext http. */
    static String connectorModules(TlsSettings tls) {
        return tls.http2() ? "ssl,alpn,http2,https" : "ssl,https";
    }

    /**
     * Writes {@code identity} as the key store and the connector's ini into {@code base}, and returns {@code sets} with
     * the PEM files the web app reads (tls.cert, tls.key; it prints where they are and the fingerprint) in place of any
     * given.
     */
    static List<String> write(Path base, Settings settings, ServerTls identity, List<String> sets) throws IOException {
        var tls = TlsSettings.of(settings);
        var password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        identity.writeKeyStore(base.resolve(KEY_STORE), password.toCharArray());
        var ini = base.resolve(INI);
        Files.deleteIfExists(ini);
        Files.createFile(ini, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(ini, ini(settings, tls, password));
        var handed = new ArrayList<String>();
        for (var set : sets) {
            var key = set.substring(0, set.indexOf('=')).strip();
            if (!key.equals(Knob.TLS_CERT.key()) && !key.equals(Knob.TLS_KEY.key())) {
                handed.add(set);
            }
        }
        handed.add(Knob.TLS_CERT.key() + "=" + identity.certFile());
        handed.add(Knob.TLS_KEY.key() + "=" + identity.keyFile());
        return handed;
    }

    private static String ini(Settings settings, TlsSettings tls, String password) {
        var ini = new StringBuilder("""
                # written by bench serve: the TLS connector on the target's port (this file and the key store: owner only)
                jetty.ssl.host=%s
                jetty.ssl.port=%d
                jetty.ssl.selectors=%d
                jetty.ssl.acceptors=1
                jetty.ssl.acceptQueueSize=%d
                jetty.ssl.idleTimeout=%d
                jetty.ssl.sniRequired=false
                jetty.ssl.sniHostCheck=false
                jetty.sslContext.keyStorePath=%s
                jetty.sslContext.keyStoreType=PKCS12
                jetty.sslContext.keyStorePassword=%s
                jetty.sslContext.includeProtocols=%s
                jetty.sslContext.sslSessionCacheSize=20000
                jetty.sslContext.sslSessionTimeout=3600
                """.formatted(settings.host(), settings.port(), settings.ioThreads(), settings.backlog(),
                settings.limits().idleTimeout().toMillis(), KEY_STORE, password, String.join(",", ServerTls.PROTOCOLS)));
        if (tls.http2()) {
            ini.append("jetty.alpn.defaultProtocol=http/1.1\n")
                    .append("jetty.http2.maxConcurrentStreams=").append(TlsSettings.MAX_CONCURRENT_STREAMS).append('\n')
                    .append("jetty.http2.rateControl.maxEventsPerSecond=128\n");
        }
        return ini.toString();
    }
}
