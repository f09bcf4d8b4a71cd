package org.benchtarget.bench.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The failover step of {@code bench cluster run}: users complete the seven surveys through the balancer from every load
 * host (a page that failed in transit or got 502/503/504 is sent again, as a user reloads) while every process of the
 * last target host is killed by PID. Then: is every completion the users saw stored once, and did the balancer's log
 * see the dead host take nothing from a few seconds after the kill on while the others took its share?
 */
final class Failover {
    private static final int SURVEYS_PER_JOURNEY = 7;
    /** A request in flight at the kill ends up to a few seconds later (nginx's next try, HAProxy's redispatch). */
    private static final long SETTLE_MILLIS = 3_000;

    /** Users per load host, seconds of load, seconds from the start to the kill. */
    record Plan(int users, int seconds, int killAfter) {
    }

    private final ClusterLayout layout;
    private final LoadBalancerConfig.Kind balancer;
    private final Path accessLog;
    private final PrintStream out;

    Failover(ClusterLayout layout, LoadBalancerConfig.Kind balancer, Path accessLog, PrintStream out) {
        this.layout = layout;
        this.balancer = balancer;
        this.accessLog = accessLog;
        this.out = out;
    }

    /** Runs the step; {@code seedFrom}..{@code seedTo} (epoch ms) is the seed experiment's span, tabled from the same log. */
    void run(Path runDir, Plan plan, LoadHosts loads, ProofSummary summary, long seedFrom, long seedTo) throws IOException, InterruptedException {
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
        long storedBefore = StoredSurveys.count(layout, runDir.resolve("stored-before.txt")).stored();
        var victim = layout.all(ClusterLayout.Role.TARGET).getLast();
        var started = loads.start(runDir, "failover", List.of("run", experiment.toString()));
        long start = started.startAt() * 1000;
        Thread.sleep(Math.max(0, start + TimeUnit.SECONDS.toMillis(plan.killAfter()) - System.currentTimeMillis()));
        var killed = new ArrayList<Long>();
        for (long pid : Ip.pids(victim.namespace())) {
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroyForcibly(); // SIGKILL: the host dies mid-request, nothing drains
                killed.add(pid);
            });
        }
        long killedAt = System.currentTimeMillis();
        out.println("cluster run: killed " + victim.name() + " (" + victim.address() + "): SIGKILL to pids " + killed);
        var merged = loads.finish(runDir, started);
        long end = System.currentTimeMillis();
        var after = StoredSurveys.count(layout, runDir.resolve("stored-after.txt"));
        long storedAfter = after.stored();
        long distinct = after.distinct();

        summary.merged("Failover: surveys while " + victim.name() + " is killed (merged)", merged, Path.of("failover-merged", "report.md"));
        var m = merged.measurements().get(0);
        long seen = m.journeys() * SURVEYS_PER_JOURNEY;
        long stored = storedAfter - storedBefore;
        summary.append("- killed " + victim.name() + " (" + victim.address() + "): SIGKILL to pids " + killed + ", "
                + String.format(Locale.ROOT, "%.1f", (killedAt - start) / 1000.0) + " s into the failover load\n");
        summary.append("- journeys (7 surveys each): " + m.journeys() + " completed, " + m.journeyFailures()
                + " failed; failed requests seen by the users (each retried): " + m.errors().total()
                + String.format(Locale.ROOT, " (connect %d, timeout %d, reset %d, non-2xx %d, other %d)%n", m.errors().connect(),
                m.errors().timeout(), m.errors().reset(), m.errors().non2xx(), m.errors().other()));
        summary.append("- survey responses stored (" + layout.store().key() + " store) during the failover load: " + stored + "; completions the users saw: " + seen
                + (m.journeyFailures() > 0 ? " (+ the completed part of failed journeys)" : "")
                + "; duplicates in the table: " + (storedAfter - distinct) + "\n");
        if (m.journeyFailures() > 0) {
            summary.fail(m.journeyFailures() + " survey journeys failed (lost) during failover");
        } else if (stored != seen) {
            summary.fail("stored " + stored + " survey responses, the users completed " + seen);
        }
        if (storedAfter != distinct) {
            summary.fail((storedAfter - distinct) + " duplicate survey responses");
        }
        Thread.sleep(1_500); // nginx flushes its access log every second
        balancerLog(summary, victim, seedFrom, seedTo, start, killedAt, end);
    }

    private void balancerLog(ProofSummary summary, ClusterLayout.Host victim, long seedFrom, long seedTo,
                             long start, long killedAt, long end) throws IOException {
        var log = AccessLog.read(accessLog, balancer);
        summary.append("\n## Per target host, from the balancer's access log\n\n")
                .append("| phase | target host | requests | 5xx | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|\n");
        long settled = killedAt + SETTLE_MILLIS;
        table(summary, "seed experiment", log.byHost(seedFrom, seedTo));
        table(summary, "failover, before the kill", log.byHost(start, killedAt));
        table(summary, "failover, the 3 s after the kill", log.byHost(killedAt, settled));
        table(summary, "failover, from 3 s after the kill", log.byHost(settled, end));
        var victimAddress = victim.address() + ":" + ClusterLayout.HTTP_PORT;
        var afterwards = log.byHost(settled, end);
        long after = afterwards.containsKey(victimAddress) ? afterwards.get(victimAddress).requests() : 0;
        long others = afterwards.entrySet().stream().filter(entry -> !entry.getKey().equals(victimAddress) && !entry.getKey().equals("-"))
                .mapToLong(entry -> entry.getValue().requests()).sum();
        summary.append("\n- last answer from " + victim.name() + ": "
                + String.format(Locale.ROOT, "%.1f", (log.lastAnswer(victimAddress) - killedAt) / 1000.0)
                + " s after the kill; requests it answered from 3 s after the kill: " + after + "; the other hosts answered " + others + "\n");
        if (after > 0) {
            summary.fail(victim.name() + " still answered " + after + " requests after it was killed");
        }
        if (others == 0) {
            summary.fail("no host answered after the kill: the balancer did not route around it");
        }
    }

    private static void table(ProofSummary summary, String phase, Map<String, AccessLog.HostStats> byHost) {
        byHost.forEach((host, stats) -> summary.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %s |%n", phase, host,
                stats.requests(), stats.serverErrors(), ProofSummary.ms(stats.p50()), ProofSummary.ms(stats.p99()), ProofSummary.ms(stats.max()))));
    }
}
