package org.benchtarget.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The protocol knobs: {@code tls}, {@code tls.cert}, {@code tls.key} and {@code http2}. Parsed from the effective
 * knobs, as {@link CassandraSettings} is, so {@link Settings} needs no field of its own.
 *
 * @param cert the certificate chain (PEM), or null: a self-signed certificate is made at start
 * @param key  its private key (PEM), or null with {@code cert}
 */
public record TlsSettings(boolean enabled, Path cert, Path key, boolean http2) {
    /** h2: concurrent streams a client may open on one connection (nginx's default is 128), on every target. */
    public static final int MAX_CONCURRENT_STREAMS = 100;

    public static TlsSettings of(Settings settings) {
        return parse(settings.effective());
    }

    /** Returns whether a certificate is made at start rather than read. */
    public boolean selfSigned() {
        return cert == null;
    }

    /** Returns the scheme clients use: https or http. */
    public String scheme() {
        return enabled ? "https" : "http";
    }

    /** Reads the knobs; a bad pair or an unreadable file throws {@link SettingsException} naming the knob. */
    static TlsSettings parse(Map<Knob, String> values) {
        boolean enabled = values.get(Knob.TLS).equals("on");
        var cert = values.get(Knob.TLS_CERT).strip();
        var key = values.get(Knob.TLS_KEY).strip();
        if (cert.isEmpty() != key.isEmpty()) {
            throw new SettingsException((cert.isEmpty() ? Knob.TLS_KEY : Knob.TLS_CERT).key()
                    + " given alone: give tls.cert and tls.key together, or neither (a self-signed certificate)");
        }
        var mode = values.get(Knob.MODE);
        boolean http2 = values.get(Knob.HTTP2).equals("on");
        if ((enabled || http2) && mode.equals("ceiling")) {
            throw new SettingsException((enabled ? "tls=on" : "http2=on") + ": not in mode=ceiling"
                    + " (the bare servers speak cleartext HTTP/1.1); the in-process and daemon *-tls, *-h2 and *-h2c profiles do");
        }
        // In daemon mode the front terminates TLS and h2; its backends speak HTTP/1.1 in the clear behind it. h2c at the
        // front is refused: nginx 1.22 serves only h2 on an h2c port (no HTTP/1.1 beside it), and through the Undertow
        // front a rapid reset of h2c streams left the front answering 503 to other clients afterwards.
        if (http2 && !enabled && mode.equals("daemon")) {
            throw new SettingsException("http2=on with tls=off (h2c): not in mode=daemon (the fronts serve h2 over TLS only); "
                    + "use tls=on, or an in-process *-h2c profile");
        }
        if (!enabled || cert.isEmpty()) {
            return new TlsSettings(enabled, null, null, http2);
        }
        return new TlsSettings(true, readable(Knob.TLS_CERT, cert), readable(Knob.TLS_KEY, key), http2);
    }

    private static Path readable(Knob knob, String text) {
        var path = Path.of(text);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new SettingsException(knob.key() + "=" + text + ": not a readable file (expected a PEM file)");
        }
        return path;
    }
}
