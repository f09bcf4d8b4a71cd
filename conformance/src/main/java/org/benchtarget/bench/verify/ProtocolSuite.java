package org.benchtarget.bench.verify;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every target's protocol tests run against one started server: the contract checks, the protocol checks and
 * the external clients (curl, h2load), over one {@link ClientTransport}, put back to the default afterwards.
 */
public final class ProtocolSuite {
    private ProtocolSuite() {
    }

    /**
     * The suite over each protocol a target's tests check: h2 and HTTP/1.1 (bad input included) on its TLS port, whose
     * certificate is {@code cacert}, and h2c on its cleartext port. Returns every failure, prefixed with its protocol.
     */
    public static List<String> overEachProtocol(URI tls, Path cacert, URI h2c) throws Exception {
        var failures = new ArrayList<>(overTls(tls, cacert, true));
        failures.addAll(failures(h2c, null, true, false).stream().map(failure -> "over h2c: " + failure).toList());
        return failures;
    }

    /**
     * The suite on a TLS port serving h2 and HTTP/1.1: the contract over each, the protocol checks and the external
     * clients once (they open their own connections, whatever the transport: twice would only repeat them), and the
     * bad-input group over HTTP/1.1 when {@code badInput}. Returns every failure, prefixed with its protocol.
     */
    public static List<String> overTls(URI tls, Path cacert, boolean badInput) throws Exception {
        var failures = new ArrayList<String>();
        failures.addAll(failures(tls, cacert, true, false).stream().map(failure -> "over h2: " + failure).toList());
        failures.addAll(run(tls, cacert, false, badInput, false).stream().map(failure -> "over HTTP/1.1 and TLS: " + failure).toList());
        return failures;
    }

    /**
     * Returns "name: detail" of each failed check (empty when all passed).
     *
     * @param cacert   the target's certificate (PEM) when {@code base} is https, else null
     * @param http2    the checks' clients ask for HTTP/2 (h2 over TLS, h2c by Upgrade in the clear)
     * @param badInput also run the bad-input group (raw HTTP/1.1, over TLS when https)
     */
    public static List<String> failures(URI base, Path cacert, boolean http2, boolean badInput) throws Exception {
        return run(base, cacert, http2, badInput, true);
    }

    private static List<String> run(URI base, Path cacert, boolean http2, boolean badInput, boolean protocolChecks) throws Exception {
        ClientTransport.use(new ClientTransport(http2, cacert == null ? null : ClientTransport.trusting(cacert)));
        try {
            var checks = new ArrayList<>(new ContractChecks(base).checks());
            if (protocolChecks) {
                checks.addAll(new ProtocolChecks(base).checks());
            }
            if (badInput) {
                checks.addAll(new BadInputChecks(base).checks());
            }
            if (http2) {
                checks.addAll(new ExternalClientChecks(base, cacert).checks());
            }
            return Check.failures(checks);
        } finally {
            ClientTransport.use(ClientTransport.DEFAULT);
        }
    }
}
