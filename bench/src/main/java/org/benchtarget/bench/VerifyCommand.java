package org.benchtarget.bench;

import org.benchtarget.bench.verify.BadInputChecks;
import org.benchtarget.bench.verify.Check;
import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.bench.verify.CrossHostChecks;
import org.benchtarget.bench.verify.SecurityChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench verify URL}: CONTRACT's checks against any running target, one line per check. */
@Command(name = "verify", description = "Check a running target against the HTTP contract; exit 1 on any FAIL.")
final class VerifyCommand implements Callable<Integer> {
    /** The check groups, in the order they run. */
    enum Group { contract, security, bad_input }

    @Parameters(paramLabel = "URL", description = "base URL of the target, e.g. http://127.0.0.1:8080")
    String url;

    @Option(names = "--only", split = ",", paramLabel = "GROUP",
            description = "run only these groups: contract, security, bad_input (default: all; bad_input takes longest, idle timeout included)")
    List<Group> only = new ArrayList<>();

    @Option(names = "--secret", paramLabel = "TEXT", description = "the target's secret knob, if set: adds the expired-token check; it must appear in no answer")
    String secret;

    @Option(names = "--db-password", paramLabel = "TEXT", description = "the target's database password, if known: it must appear in no answer")
    String dbPassword;

    @Option(names = "--peer", paramLabel = "URL", description = "a target host behind URL (give two or more): also check sessions, "
            + "CSRF, wall writes and surveys across them; repeatable")
    List<String> peers = new ArrayList<>();

    @Override
    public Integer call() {
        var base = parse(url);
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

    private static URI parse(String url) {
        URI base;
        try {
            base = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new BenchException("verify: not a URL: " + url);
        }
        if (!"http".equals(base.getScheme()) || base.getHost() == null) {
            throw new BenchException("verify: expected http://host:port, got " + url);
        }
        return base;
    }
}
