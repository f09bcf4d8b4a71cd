package org.benchtarget.bench.soak;

import java.time.Duration;
import java.util.List;

/**
 * Database outage: PostgreSQL stops during a load and comes back. While it is away /health answers
 * 503, /db answers 503 with Retry-After within a bound (the pool timeout plus 2 s: no requests
 * pile up waiting), and /hello and the static file keep answering 200; once it is back, everything
 * answers 200 again without a restart of the target. Needs the suite's own PostgreSQL.
 */
public final class DatabaseOutage implements SoakTest {
    private static final List<String> NO_DATABASE = List.of("/hello", "/hello.txt");
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
    private static final Duration SETTLED = Duration.ofSeconds(2);
    private static final Duration QUIET = Duration.ofSeconds(1);

    @Override
    public List<SoakRow> run(SoakTarget target) throws Exception {
        var server = target.server().orElse(null);
        String faults = "PostgreSQL stopped " + target.sizes().outage().toSeconds() + " s, then started";
        String load = "20 clients /db, 4 /hello, 2 /hello.txt, /health every 100 ms";
        if (server == null) {
            return List.of(new SoakRow("database outage", load, faults, 0, 0, -1, true, "skipped: the database is not the suite's own"));
        }
        long pidBefore = target.process().map(ProcessHandle::pid).orElse(-1L);
        long dbBound = target.poolTimeout().toMillis() + 2_000; // the pool timeout, plus room for a loaded 2-core machine
        long recoveryMillis;
        boolean recovered;
        boolean healthWentDown;
        try (var probes = new ProbeLoad(target.base(), Duration.ofSeconds(30))
                .clients("/db", 20, 0).clients("/hello", 4, 0).clients("/hello.txt", 2, 0).clients("/health", 1, 100)) {
            Thread.sleep(2_000);
            probes.phase("down");
            server.stop();
            Thread.sleep(target.sizes().outage().toMillis());
            healthWentDown = probes.tally("down", "/health").shed.get() > 0;
            probes.phase("back");
            long restarted = System.nanoTime();
            server.restart();
            // Back when /health and /db have answered 200 and nothing else for a second (every backend, in daemon mode).
            while (!quiet(probes.tally("back", "/health")) || !quiet(probes.tally("back", "/db"))) {
                if (System.nanoTime() - restarted > RECOVERY_LIMIT.toNanos()) {
                    break;
                }
                Thread.sleep(50);
            }
            recovered = quiet(probes.tally("back", "/health")) && quiet(probes.tally("back", "/db"));
            long lastProblem = Math.max(probes.tally("back", "/health").lastProblemNanos, probes.tally("back", "/db").lastProblemNanos);
            recoveryMillis = (Math.max(lastProblem, restarted) - restarted) / 1_000_000;
            probes.phase("settled");
            Thread.sleep(SETTLED.toMillis());
            probes.close();
            return List.of(verdict(probes, load, faults, dbBound, healthWentDown, recovered, recoveryMillis, pidBefore, target));
        } finally {
            server.restart(); // whatever happened, the next tests get their database back
        }
    }

    private static boolean quiet(ProbeLoad.Tally tally) {
        long last = tally.lastProblemNanos;
        return tally.ok.get() > 0 && (last == 0 || System.nanoTime() - last > QUIET.toNanos());
    }

    private static SoakRow verdict(ProbeLoad probes, String load, String faults, long dbBound, boolean healthWentDown,
                                   boolean recovered, long recoveryMillis, long pidBefore, SoakTarget target) {
        long requests = 0;
        long errors = 0;
        var detail = new StringBuilder();
        for (var phase : List.of("before", "down", "back", "settled")) {
            for (var path : List.of("/db", "/hello", "/hello.txt", "/health")) {
                var tally = probes.tally(phase, path);
                requests += tally.total();
                boolean mayShed = path.equals("/health") || (path.equals("/db") && !phase.equals("before") && !phase.equals("settled"));
                long bad = tally.other.get() + tally.failed.get() + (mayShed ? 0 : tally.shed.get());
                if (path.equals("/db") && tally.maxMillis.get() > dbBound && !phase.equals("before")) {
                    bad += 1; // a /db answer slower than the pool timeout allows: requests piled up
                }
                if (path.equals("/health") && (phase.equals("before") || phase.equals("settled"))) {
                    bad += tally.shed.get();
                }
                errors += bad;
                if (path.equals("/db") || (path.equals("/hello") && phase.equals("down")) || bad > 0) {
                    detail.append(phase).append(' ').append(path).append(": ").append(tally).append("; ");
                }
            }
        }
        boolean sameProcess = target.process().map(process -> process.isAlive() && process.pid() == pidBefore).orElse(true);
        detail.append("health 503 while down: ").append(healthWentDown).append("; last 503 ").append(recoveryMillis).append(" ms after the restart")
                .append("; no restart: ").append(sameProcess);
        boolean passed = errors == 0 && healthWentDown && recovered && sameProcess;
        return new SoakRow("database outage", load, faults, requests, errors, -1, passed, detail.toString());
    }
}
