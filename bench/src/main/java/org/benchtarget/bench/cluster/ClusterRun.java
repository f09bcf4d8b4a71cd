package org.benchtarget.bench.cluster;

import org.benchtarget.bench.BenchException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench cluster run}: the proof on a cluster that is up. 1) {@code bench verify} through the balancer, with
 * the cross-host checks against every target host, from a load host; 2) a seed experiment through the balancer from
 * every load host at once ({@code bench run --target}), merged ({@code bench merge}); 3) {@link Failover}. Writes
 * {@code summary.md}; returns 0 when every step held. Not thread-safe.
 */
final class ClusterRun {
    private static final Duration VERIFY_LIMIT = Duration.ofMinutes(10);

    private final Path dir;
    private final ClusterState state;
    private final ClusterLayout layout;
    private final PrintStream out;
    private final ProofSummary summary = new ProofSummary();

    ClusterRun(Path dir, PrintStream out) {
        this.dir = dir;
        this.state = ClusterState.read(dir);
        if (state == null) {
            throw new BenchException("no cluster is up in " + dir + " (bench cluster up --dir " + dir + ")");
        }
        if (!"complete".equals(state.content().facts().get("up"))) {
            throw new BenchException("the cluster in " + dir + " did not come up completely: bench cluster down --dir " + dir + ", then up");
        }
        this.layout = state.layout();
        this.out = out;
    }

    /** The proof's options: the seed experiment (and --quick), then the failover load. */
    record Plan(String experiment, boolean quick, Failover.Plan failover) {
    }

    int run(Plan plan) throws IOException, InterruptedException {
        var runDir = dir.resolve("runs").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(runDir);
        var content = state.content();
        summary.append("# bench cluster run\n\n" + layout.all(ClusterLayout.Role.TARGET).size() + " target hosts (" + content.profile()
                + (content.sets().isEmpty() ? "" : " " + String.join(" ", content.sets())) + ") behind " + content.lb() + " at "
                + layout.lbUrl() + ", " + layout.describeData() + ", load from " + layout.all(ClusterLayout.Role.LOAD).size()
                + " load hosts.\n\n");
        requireTargetsAlive();
        verify(runDir);

        var loads = new LoadHosts(layout, out);
        var run = new ArrayList<>(List.of("run", plan.experiment()));
        if (plan.quick()) {
            run.add("--quick");
        }
        long seedFrom = System.currentTimeMillis();
        var seed = loads.finish(runDir, loads.start(runDir, "seed", run));
        long seedTo = System.currentTimeMillis();
        summary.merged("Seed experiment " + String.join(" ", run.subList(1, run.size())) + " from every load host at once (merged)",
                seed, Path.of("seed-merged", "report.md"));

        var balancer = LoadBalancerConfig.kind(content.lb());
        new Failover(layout, balancer, dir.resolve("lb").resolve("access.log"), out)
                .run(runDir, plan.failover(), loads, summary, seedFrom, seedTo);

        Files.writeString(runDir.resolve("summary.md"), summary.text());
        out.println();
        out.print(summary.text());
        var failures = summary.failures();
        out.println(failures.isEmpty() ? "cluster run: every step held; " + runDir.resolve("summary.md")
                : "cluster run: FAILED: " + String.join("; ", failures) + " (" + runDir.resolve("summary.md") + ")");
        return failures.isEmpty() ? 0 : 1;
    }

    private void requireTargetsAlive() {
        for (var host : layout.all(ClusterLayout.Role.TARGET)) {
            if (Ip.pids(host.namespace()).isEmpty()) {
                throw new BenchException(host.name() + " has no running process (killed by an earlier run?): bench cluster down, then up");
            }
        }
    }

    private void verify(Path runDir) throws IOException, InterruptedException {
        // the contract and the cross-host checks: bad input and security through nginx or HAProxy would test the
        // balancer's own answers (its HTML error pages), not the targets'; each target passes those on its own
        var args = new ArrayList<>(List.of("verify", layout.lbUrl(), "--only", "contract"));
        for (var target : layout.all(ClusterLayout.Role.TARGET)) {
            args.add("--peer");
            args.add(target.url());
        }
        var log = runDir.resolve("verify.txt");
        out.println("cluster run: bench verify " + layout.lbUrl() + " with --peer per target host, from " + layout.one(ClusterLayout.Role.LOAD).name());
        int exit = HostProcesses.runBench(layout.one(ClusterLayout.Role.LOAD), args, log, VERIFY_LIMIT);
        var total = HostProcesses.lastLine(log);
        summary.append("## Conformance through the balancer, and across hosts\n\n`bench verify " + String.join(" ", args.subList(1, args.size()))
                + "`: " + total + " (verify.txt)\n\n");
        Files.readAllLines(log).stream().filter(line -> line.startsWith("FAIL ")).forEach(line -> summary.append("- " + line + "\n"));
        if (exit != 0) {
            summary.fail("bench verify: " + total);
        }
        out.println("cluster run: " + total);
    }
}
