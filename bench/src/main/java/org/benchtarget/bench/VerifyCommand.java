package org.benchtarget.bench;

import org.benchtarget.bench.verify.BadInputChecks;
import org.benchtarget.bench.verify.Check;
import org.benchtarget.bench.verify.ClientTransport;
import org.benchtarget.bench.verify.ProtocolChecks;
import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.bench.verify.CrossHostChecks;
import org.benchtarget.bench.verify.SecurityChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench verify URL}: CONTRACT's checks against any running target, one line per check. */
@Command(name = "verify", description = "Check a running target against the HTTP contract; exit 1 on any FAIL.")
final class VerifyCommand implements Callable<Integer> {
    /** The check groups, in the order they run. */
    enum Group { contract, security, bad_input, protocols }

    @Parameters(paramLabel = "URL", description = "base URL of the target, e.g. http://127.0.0.1:8080")
    String url;

    @Option(names = "--only", split = ",", paramLabel = "GROUP",
            description = "run only these groups: contract, security, bad_input, protocols (default: all; bad_input takes longest, idle timeout included)")
    List<Group> only = new ArrayList<>();

    @Option(names = "--secret", paramLabel = "TEXT", description = "the target's secret knob, if set: adds the expired-token check; it must appear in no answer")
    String secret;

    @Option(names = "--db-password", paramLabel = "TEXT", description = "the target's database password, if known: it must appear in no answer")
    String dbPassword;

    @Option(names = "--peer", paramLabel = "URL", description = "a target host behind URL (give two or more): also check sessions, "
            + "CSRF, wall writes and surveys across them; repeatable")
    List<String> peers = new ArrayList<>();

    @Option(names = "--tls", description = "over TLS: https (implied by an https URL and by --h2)")
    boolean tls;

    @Option(names = "--h2", description = "the checks' HTTP clients ask for HTTP/2 over TLS (h2 by ALPN); raw-socket checks stay HTTP/1.1 over TLS")
    boolean h2;

    @Option(names = "--h2c", description = "the checks' HTTP clients ask for cleartext HTTP/2 (h2c by Upgrade); the protocols group adds prior knowledge")
    boolean h2c;

    @Option(names = "--cacert", paramLabel = "FILE", description = "trust the certificates in this PEM file (the tlsCertFile a target prints and shows in /info)")
    Path cacert;

    @Option(names = "--insecure", description = "trust any certificate and host name (as curl -k)")
    boolean insecure;

    @Override
    public Integer call() {
        var base = parse(url);
        if (h2 && h2c) {
            throw new BenchException("verify: --h2 (over TLS) and --h2c (cleartext) exclude each other");
        }
        if ((tls || h2) && "http".equals(base.getScheme())) {
            base = URI.create("https" + base.toString().substring("http".length()));
        }
        if (h2c && "https".equals(base.getScheme())) {
            throw new BenchException("verify: --h2c is cleartext HTTP/2: give an http:// URL (or --h2 for h2 over TLS)");
        }
        ClientTransport.use(new ClientTransport(h2 || h2c, trust()));
        if (peers.size() == 1) {
            throw new BenchException("verify: --peer needs two or more target hosts");
        }
        var groups = new LinkedHashSet<>(only.isEmpty() ? List.of(Group.values()) : only);
        var checks = new ArrayList<Check>();
        for (var group : Group.values()) {
            if (groups.contains(group)) {
                checks.addAll(switch (group) {
                    case contract -> new ContractChecks(base).checks();
                    case security -> new SecurityChecks(base, secret, dbPassword).checks();
                    case bad_input -> new BadInputChecks(base, secret, dbPassword).checks();
                    case protocols -> new ProtocolChecks(base).checks();
                });
            }
        }
        if (!peers.isEmpty()) {
            checks.addAll(new CrossHostChecks(peers.stream().map(VerifyCommand::parse).toList()).checks());
        }
        int failed = 0;
        for (var check : checks) {
            var outcome = check.run();
            System.out.println((outcome.passed() ? "PASS " : "FAIL ") + outcome.name()
                    + (outcome.passed() ? "" : "\n     " + outcome.detail()));
            failed += outcome.passed() ? 0 : 1;
        }
        System.out.printf("%d checks: %d passed, %d failed%n", checks.size(), checks.size() - failed, failed);
        return failed == 0 ? 0 : 1;
    }

    private SSLContext trust() {
        try {
            if (insecure) {
                return ClientTransport.insecure();
            }
            return cacert == null ? null : ClientTransport.trusting(cacert);
        } catch (IOException | GeneralSecurityException e) {
            throw new BenchException("verify: --cacert " + cacert + ": " + e.getMessage());
        }
    }

    private static URI parse(String url) {
        URI base;
        try {
            base = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new BenchException("verify: not a URL: " + url);
        }
        if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme())) || base.getHost() == null) {
            throw new BenchException("verify: expected http://host:port or https://host:port, got " + url);
        }
        return base;
    }
}
