package org.benchtarget.daemon.front;

import org.benchtarget.core.config.Modes.ProxyProtocol;
import org.benchtarget.core.config.RequestLimits;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.TlsSettings;
import org.benchtarget.core.tls.ServerTls;
import org.benchtarget.core.fixture.Manifest;

import java.time.Duration;

/**
 * What a front run as a child process (nginx, haproxy) is configured from. {@code workers}: its worker
 * processes or threads; {@code manifest}: the front's X-Bench-Mode, or null (manifest=off);
 * {@code serverTiming}: Server-Timing on what the front answers itself; {@code timeout}: how long it waits for a
 * backend's answer before it answers 504 (proxy.timeout); {@code tls}: the identity it serves TLS with, or null
 * (cleartext); {@code http2}: h2 beside HTTP/1.1 (by ALPN over TLS); {@code h2cBackends}: the backends are spoken to
 * in h2c (proxy.protocol=h2c), else HTTP/1.1.
 */
record FrontShape(String host, int port, int workers, boolean gzip, boolean keepalive, int threadsPerBackend, RequestLimits limits,
                  String manifest, boolean serverTiming, Duration timeout, ServerTls tls, boolean http2, boolean h2cBackends) {

    /** HTTP/1.1 to the backends. */
    FrontShape(String host, int port, int workers, boolean gzip, boolean keepalive, int threadsPerBackend, RequestLimits limits,
               String manifest, boolean serverTiming, Duration timeout, ServerTls tls, boolean http2) {
        this(host, port, workers, gzip, keepalive, threadsPerBackend, limits, manifest, serverTiming, timeout, tls, http2, false);
    }

    static FrontShape of(Settings settings, ServerTls tls, int port) {
        return new FrontShape(settings.host(), port, settings.ioThreads(), settings.gzip(), settings.keepalive(), settings.threads(),
                settings.limits(), settings.fixture().manifest() ? Manifest.of(settings) : null, settings.fixture().serverTiming(),
                settings.daemon().timeout(), tls, TlsSettings.of(settings).http2(), settings.daemon().protocol() == ProxyProtocol.H2C);
    }
}
