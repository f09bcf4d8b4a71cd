package org.benchtarget.bench;

import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.bench.verify.CrossHostChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench verify URL}: CONTRACT's checks against any running target, one line per check. */
@Command(name = "verify", description = "Check a running target against the HTTP contract; exit 1 on any FAIL.")
final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "URL", description = "base URL of the target, e.g. http://127.0.0.1:8080")
    String url;

    @Option(names = "--peer", paramLabel = "URL", description = "a target host behind URL (give two or more): also check sessions, "
            + "CSRF, wall writes and surveys across them; repeatable")
    List<String> peers = new ArrayList<>();

    @Override
    public Integer call() {
        var base = parse(url);
        int failed = 0;
        var checks = new ArrayList<>(new ContractChecks(base).checks());
        if (peers.size() == 1) {
            throw new BenchException("verify: --peer needs two or more target hosts");
        }
        if (!peers.isEmpty()) {
            checks.addAll(new CrossHostChecks(peers.stream().map(VerifyCommand::parse).toList()).checks());
        }
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
