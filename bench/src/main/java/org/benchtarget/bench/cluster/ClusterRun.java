package org.benchtarget.bench.cluster;

import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.run.report.Merge;
import org.benchtarget.bench.run.result.Results;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench cluster run}: the proof on a cluster that is up. 1) {@code bench verify} through the balancer, with
 * the cross-host checks against every target host, from a load host; 2) a seed experiment through the balancer from
 * every load host at once ({@code bench run --target}), merged ({@code bench merge}); 3) failover: survey journeys
 * (retrying a failed page) from every load host while one target host's processes are killed by PID, then the
 * balancer's log (who answered, before and after) and the database (every completion the users saw is stored once).
 * Writes {@code summary.md}; returns 0 when every step held. Not thread-safe.
 */
final class ClusterRun {
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(30);
    private static final int SURVEYS_PER_JOURNEY = 7;

    private final Path dir;
    private final ClusterState state;
    private final ClusterLayout layout;
    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();
    private final StringBuilder summary = new StringBuilder();
    private static final int START_DELAY_SECONDS = 8;
    private long startAt;

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

    /** Options of the proof: the seed experiment (and --quick), failover load: users per load host, seconds, kill after. */
    record Plan(String experiment, boolean quick, int users, int seconds, int killAfter) {
    }

    int run(Plan plan) throws IOException, InterruptedException {
        var runDir = dir.resolve("runs").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(runDir);
        var kind = LoadBalancerConfig.kind(state.content().lb());
        summary.append("# bench cluster run\n\n").append(layout.all(ClusterLayout.Role.TARGET).size()).append(" target hosts (")
                .append(state.content().profile()).append(state.content().sets().isEmpty() ? "" : " " + String.join(" ", state.content().sets()))
                .append(") behind ").append(state.content().lb()).append(" at ").append(layout.lbUrl()).append(", PostgreSQL at ")
                .append(layout.dbUrl()).append(", load from ").append(layout.all(ClusterLayout.Role.LOAD).size()).append(" load hosts.\n\n");
        requireTargetsAlive();
        verify(runDir);
        long seedStart = System.currentTimeMillis();
        var seed = loadFromEveryHost(runDir, "seed", List.of("run", plan.experiment()), plan.quick(), null);
        long seedEnd = System.currentTimeMillis();
        report("Seed experiment " + plan.experiment() + (plan.quick() ? " --quick" : "") + " from every load host at once (merged)", seed, runDir.resolve("seed-merged"));
        failover(runDir, plan, kind, seedStart, seedEnd);
        Files.writeString(runDir.resolve("summary.md"), summary);
        out.println();
        out.print(summary);
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
        var args = new ArrayList<>(List.of("verify", layout.lbUrl()));
        for (var target : layout.all(ClusterLayout.Role.TARGET)) {
            args.add("--peer");
            args.add(target.url());
        }
        var log = runDir.resolve("verify.txt");
        out.println("cluster run: bench verify " + layout.lbUrl() + " with --peer per target host, from " + layout.one(ClusterLayout.Role.LOAD).name());
        int exit = HostProcesses.runBench(layout.one(ClusterLayout.Role.LOAD), args, log, LOAD_LIMIT);
        var total = HostProcesses.lastLine(log);
        summary.append("## Conformance through the balancer, and across hosts\n\n`bench verify ").append(String.join(" ", args.subList(1, args.size())))
                .append("`: ").append(total).append(" (").append(runDir.relativize(log)).append(")\n\n");
        var failed = Files.readAllLines(log).stream().filter(line -> line.startsWith("FAIL ")).toList();
        failed.forEach(line -> summary.append("- ").append(line).append('\n'));
        if (exit != 0) {
            failures.add("bench verify: " + total);
        }
        out.println("cluster run: " + total);
    }

    /** Runs {@code bench run ... --target LB} on every load host at once; returns the merge of their folders. */
    private Results loadFromEveryHost(Path runDir, String name, List<String> run, boolean quick, Runnable midway)
            throws IOException, InterruptedException {
        var processes = new ArrayList<Process>();
        var folders = new ArrayList<Path>();
        // every load host begins at this instant (their JVMs take a few seconds to start on a busy machine)
        startAt = System.currentTimeMillis() / 1000 + START_DELAY_SECONDS;
        for (var load : layout.all(ClusterLayout.Role.LOAD)) {
            var folder = runDir.resolve(name + "-" + load.name());
            folders.add(folder);
            var args = new ArrayList<>(run);
            if (quick) {
                args.add("--quick");
            }
            args.addAll(List.of("--target", layout.lbUrl(), "--start-at", Long.toString(startAt), "--out", folder.toString()));
            processes.add(HostProcesses.start(load, HostProcesses.bench(args), runDir.resolve(name + "-" + load.name() + ".log")));
        }
        out.println("cluster run: " + name + ": bench " + String.join(" ", run) + (quick ? " --quick" : "") + " --target " + layout.lbUrl()
                + " on " + processes.size() + " load hosts at once");
        if (midway != null) {
            midway.run();
        }
        for (int i = 0; i < processes.size(); i++) {
            var process = processes.get(i);
            if (!process.waitFor(LOAD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            if (process.exitValue() != 0) {
                throw new BenchException(name + " on " + layout.all(ClusterLayout.Role.LOAD).get(i).name() + " failed: "
                        + HostProcesses.lastLine(runDir.resolve(name + "-" + layout.all(ClusterLayout.Role.LOAD).get(i).name() + ".log")));
            }
        }
        return Merge.merge(folders, runDir.resolve(name + "-merged"));
    }

    private void report(String title, Results merged, Path folder) {
        summary.append("## ").append(title).append("\n\n").append("Report: ").append(dir.relativize(folder.resolve("report.md")))
                .append(" (per load host and merged; latency percentiles from the added HdrHistograms)\n\n")
                .append("| measurement | load host | requests | errors | req/s | p50 ms | p99 ms |\n|---|---|---|---|---|---|---|\n");
        for (var m : merged.measurements()) {
            for (var host : merged.loadHosts()) {
                host.measurements().stream().filter(own -> own.key().equals(m.key())).forEach(own -> row(m.key(), host.name(), own));
            }
            row(m.key(), "**merged**", m);
        }
        summary.append('\n');
    }

    private void row(String key, String host, org.benchtarget.bench.run.result.Measurement m) {
        summary.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %s | %s |%n", key, host, m.requests(), m.errors().total(),
                m.throughput(), ms(m.latencyMs().p50()), ms(m.latencyMs().p99())));
    }

    private void failover(Path runDir, Plan plan, LoadBalancerConfig.Kind kind, long seedStart, long seedEnd) throws IOException, InterruptedException {
        var experiment = runDir.resolve("failover.properties");
        Files.writeString(experiment, """
                # failover: users completing the seven surveys through the balancer while bench cluster kills one target host
                title=failover: seven-surveys journeys (a failed page is sent again, up to 5 times) while one target host is killed
                seed=001
                profiles=target
                endpoints=journey:seven-surveys?retry=5
                load=concurrency
                levels=%d
                duration=%ds
                runs=1
                warmup=0s
                keepalive=on
                timeout=10s
                notes=bench cluster run kills every process of one target host %d s into the level
                """.formatted(plan.users(), plan.seconds(), plan.killAfter()));
        var data = Path.of(state.content().scratch().get(0));
        long storedBefore = Postgres.count(data, "SELECT count(*) FROM survey_response");
        var victim = layout.all(ClusterLayout.Role.TARGET).getLast();
        var killed = new ArrayList<Long>();
        long[] killedAt = {0};
        var merged = loadFromEveryHost(runDir, "failover", List.of("run", experiment.toString()), false, () -> {
            try {
                Thread.sleep(Math.max(0, (startAt + plan.killAfter()) * 1000 - System.currentTimeMillis()));
                for (long pid : Ip.pids(victim.namespace())) {
                    ProcessHandle.of(pid).ifPresent(process -> {
                        process.destroyForcibly(); // SIGKILL: the host dies mid-request, nothing drains
                        killed.add(pid);
                    });
                }
                killedAt[0] = System.currentTimeMillis();
                out.println("cluster run: killed " + victim.name() + " (" + victim.address() + "): SIGKILL to pids " + killed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = startAt * 1000;
        long end = System.currentTimeMillis();
        long storedAfter = Postgres.count(data, "SELECT count(*) FROM survey_response");
        long distinct = Postgres.count(data, "SELECT count(DISTINCT response_token) FROM survey_response");
        report("Failover: surveys while " + victim.name() + " is killed (merged)", merged, runDir.resolve("failover-merged"));
        var m = merged.measurements().get(0);
        long seen = m.journeys() * SURVEYS_PER_JOURNEY;
        long stored = storedAfter - storedBefore;
        summary.append("- killed ").append(victim.name()).append(" (").append(victim.address()).append("): SIGKILL to pids ").append(killed)
                .append(", ").append(String.format(Locale.ROOT, "%.1f", (killedAt[0] - start) / 1000.0)).append(" s into the failover load\n");
        summary.append("- journeys (7 surveys each): ").append(m.journeys()).append(" completed, ").append(m.journeyFailures())
                .append(" failed; failed requests seen by the users (each retried): ").append(m.errors().total())
                .append(String.format(Locale.ROOT, " (connect %d, timeout %d, reset %d, non-2xx %d, other %d)%n", m.errors().connect(),
                        m.errors().timeout(), m.errors().reset(), m.errors().non2xx(), m.errors().other()));
        summary.append("- survey responses stored during the failover load: ").append(stored).append("; completions the users saw: ")
                .append(seen).append(m.journeyFailures() > 0 ? " (+ the completed part of failed journeys)" : "")
                .append("; duplicates in the table: ").append(storedAfter - distinct).append("\n");
        if (m.journeyFailures() > 0) {
            failures.add(m.journeyFailures() + " survey journeys failed (lost) during failover");
        } else if (stored != seen) {
            failures.add("stored " + stored + " survey responses, the users completed " + seen);
        }
        if (storedAfter != distinct) {
            failures.add((storedAfter - distinct) + " duplicate survey responses");
        }
        Thread.sleep(1_500); // nginx flushes its access log every second
        balancerLog(kind, victim, seedStart, seedEnd, start, killedAt[0], end);
    }

    private void balancerLog(LoadBalancerConfig.Kind kind, ClusterLayout.Host victim, long seedStart, long seedEnd,
                             long failoverStart, long killedAt, long failoverEnd) throws IOException {
        var log = AccessLog.read(dir.resolve("lb").resolve("access.log"), kind);
        summary.append("\n## Per target host, from the balancer's access log\n\n")
                .append("| phase | target host | requests | 5xx | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|\n");
        // a request in flight at the kill ends up to a few seconds later (nginx's next try, HAProxy's redispatch)
        long settled = killedAt + 3_000;
        table("seed experiment", log.byHost(seedStart, seedEnd));
        table("failover, before the kill", log.byHost(failoverStart, killedAt));
        table("failover, the 3 s after the kill", log.byHost(killedAt, settled));
        table("failover, from 3 s after the kill", log.byHost(settled, failoverEnd));
        var victimAddress = victim.address() + ":" + ClusterLayout.HTTP_PORT;
        long after = log.byHost(settled, failoverEnd).getOrDefault(victimAddress, new AccessLog.HostStats(0, 0, 0, 0, 0)).requests();
        long others = log.byHost(settled, failoverEnd).entrySet().stream().filter(entry -> !entry.getKey().equals(victimAddress)
                && !entry.getKey().equals("-")).mapToLong(entry -> entry.getValue().requests()).sum();
        summary.append("\n- last answer from ").append(victim.name()).append(": ")
                .append(String.format(Locale.ROOT, "%.1f", (log.lastAnswer(victimAddress) - killedAt) / 1000.0))
                .append(" s after the kill; requests it answered from 3 s after the kill: ").append(after)
                .append("; the other hosts answered ").append(others).append('\n');
        if (after > 0) {
            failures.add(victim.name() + " still answered " + after + " requests after it was killed (log mismatch?)");
        }
        if (others == 0) {
            failures.add("no host answered after the kill: the balancer did not route around it");
        }
    }

    private void table(String phase, Map<String, AccessLog.HostStats> byHost) {
        byHost.forEach((host, stats) -> summary.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %s |%n", phase, host,
                stats.requests(), stats.serverErrors(), ms(stats.p50()), ms(stats.p99()), ms(stats.max()))));
    }

    private static String ms(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }
}
