package org.benchtarget.bench.run.load;

import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.ssl.SSLContexts;

import javax.net.ssl.SSLContext;
import java.security.GeneralSecurityException;

/**
 * The TLS client context of bench run's own HTTP clients (the embedded driver, the warm-up, the requirement checks)
 * against a target over https: it accepts the target's certificate without checking it. bench run starts its targets
 * itself on loopback, each with the self-signed certificate it made at start, and the drivers it compares them with
 * (wrk, h2load, ab) do not check certificates either, so every driver pays for the same handshake.
 */
public final class LoopbackTls {
    private static final SSLContext ANY_CERTIFICATE = build();

    private LoopbackTls() {
    }

    public static SSLContext acceptingAnyCertificate() {
        return ANY_CERTIFICATE;
    }

    private static SSLContext build() {
        try {
            return SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS client context: " + e.getMessage(), e);
        }
    }
}
