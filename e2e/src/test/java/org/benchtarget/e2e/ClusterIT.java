package org.benchtarget.e2e;

import org.benchtarget.bench.BenchCommand;
import org.benchtarget.bench.cluster.LoadBalancerConfig;
import org.benchtarget.bench.run.report.Reports;
import org.benchtarget.bench.run.result.Measurement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The one-machine proof, bounded: {@code bench cluster up --store cassandra} (8 namespaces: PostgreSQL, Cassandra,
 * nginx, three Undertow target hosts with cache=data, two load hosts), {@code run --quick} (bench verify through nginx
 * and across the hosts, seed 001's quick form from both load hosts at once, merged; failover with one target host
 * killed by PID, every completion the users saw found once in Cassandra), {@code down}; then nothing of the cluster
 * may be left. The proof runs on Cassandra, seed 001's store, because that adds only the node's start (the SQL
 * store's count is the same {@code bench db count}, tested in bench). A failed {@code up} is cleaned by {@code down}
 * too. Needs root and {@code ip netns}: without them it fails with one line, it does not skip. About two and a half
 * minutes on two cores.
 */
class ClusterIT {
    private static final Path DIR = Path.of("target", "cluster-it").toAbsolutePath();
    /**
     * Namespace names are global to the machine: a run killed half way leaves its namespaces behind, and another build
     * on the same machine (a container sharing the kernel, with PIDs of its own) may be running this test at the same
     * time. Each run takes its own random prefix (bt + 4 base-36 digits), so neither can make the other fail.
     */
    private static final String PREFIX = "bt" + Integer.toString(36 * 36 * 36 + new java.util.Random().nextInt(35 * 36 * 36 * 36), 36);

    @BeforeAll
    static void benchHomeAndNamespaces() throws Exception {
        // failsafe runs in e2e/; the clone's root holds the target jars
        System.setProperty("bench.home", Path.of("").toAbsolutePath().getParent().toString());
        var probe = new ProcessBuilder("ip", "netns", "add", PREFIX + "-probe").redirectErrorStream(true).start();
        var said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
            fail("ClusterIT needs root and iproute2's ip netns to create network namespaces; 'ip netns add' said: " + said);
        }
        new ProcessBuilder("ip", "netns", "delete", PREFIX + "-probe").start().waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void proofUpRunDown() throws Exception {
        inClusterFolder("proof", dir -> {
            assertThat(bench("cluster", "up", "--dir", dir.toString(), "--prefix", PREFIX, "--subnet", "10.231.7",
                    "--lb", "nginx", "--store", "cassandra", "--set", "cache=data")).isZero();
            assertThat(namespaces()).hasSize(9).contains(PREFIX + "-cas");
            assertThat(bench("cluster", "run", "--dir", dir.toString(), "--quick", "--users", "5", "--seconds", "14",
                    "--kill-after", "5")).isZero();

            var run = Files.list(dir.resolve("runs")).findFirst().orElseThrow();
            var summary = Files.readString(run.resolve("summary.md"));
            assertThat(summary).contains(" 0 failed (verify.txt)", "duplicates in the table: 0", "requests it answered from 3 s after the kill: 0",
                    "completed surveys in Cassandra at 10.231.7.6:9042", "survey responses stored (cassandra store) during the failover load: ");
            // the failover compared what the users saw with what Cassandra holds
            assertThat(Files.readString(run.resolve("stored-after.txt"))).contains("(cassandra)");
            assertThat(Files.readString(run.resolve("verify.txt"))).contains("PASS across hosts: a wall write on one host shows on the next request");

            var seed = Reports.read(run.resolve("seed-merged"));
            assertThat(seed.loadHosts()).hasSize(2);
            for (var merged : seed.measurements()) {
                var parts = seed.loadHosts().stream().flatMap(host -> host.measurements().stream())
                        .filter(own -> own.key().equals(merged.key())).toList();
                assertThat(parts).hasSize(2);
                assertThat(merged.requests()).isPositive().isEqualTo(parts.stream().mapToLong(Measurement::requests).sum());
                assertThat(merged.errors().total()).isZero();
                assertThat(merged.latencyMs().p99()).isNotNull();
            }
            var failover = Reports.read(run.resolve("failover-merged")).measurements().get(0);
            assertThat(failover.journeys()).isPositive();
            assertThat(failover.journeyFailures()).isZero();
        });
    }

    @Test
    void downCleansAFailedUp() throws Exception {
        inClusterFolder("failed-up", dir -> {
            // a database user PostgreSQL does not know: the targets cannot start, after the network and the database are up
            assertThat(bench("cluster", "up", "--dir", dir.toString(), "--prefix", PREFIX, "--subnet", "10.231.8",
                    "--set", "db.user=nobody")).isEqualTo(2);
            assertThat(namespaces()).isNotEmpty();
        });
    }

    @Test
    void theRealBalancersAcceptTheGeneratedConfigurations() throws Exception {
        var dir = DIR.resolve("lb-configs");
        deleteTree(dir);
        Files.createDirectories(dir.resolve("temp"));
        var targets = List.of("127.0.0.1:18081", "127.0.0.1:18082");
        Files.writeString(dir.resolve("nginx.conf"), LoadBalancerConfig.render(LoadBalancerConfig.Kind.NGINX, dir, "127.0.0.1:18080", targets, 1));
        Files.writeString(dir.resolve("haproxy.cfg"), LoadBalancerConfig.render(LoadBalancerConfig.Kind.HAPROXY, dir, "127.0.0.1:18080", targets, 0));
        assertThat(check("nginx", "-t", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())).contains("test is successful");
        assertThat(check("haproxy", "-c", "-f", dir.resolve("haproxy.cfg").toString())).contains("Configuration file is valid");
    }

    private static String check(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(said).isZero();
        return said;
    }

    private interface ClusterSteps {
        void run(Path dir) throws Exception;
    }

    /** Runs the steps in a fresh folder, then bench cluster down whatever happened; nothing of the cluster may be left. */
    private static void inClusterFolder(String name, ClusterSteps steps) throws Exception {
        var dir = DIR.resolve(name);
        deleteTree(dir);
        try {
            steps.run(dir);
        } finally {
            assertThat(bench("cluster", "down", "--dir", dir.toString())).isZero();
        }
        assertThat(namespaces()).isEmpty();
        assertThat(dir.resolve("cluster.json")).doesNotExist();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }

    private static int bench(String... args) {
        return BenchCommand.execute(args);
    }

    private static List<String> namespaces() throws Exception {
        var list = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        var text = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        list.waitFor(30, TimeUnit.SECONDS);
        return text.lines().map(line -> line.strip().split("\\s+")[0]).filter(name -> name.startsWith(PREFIX + "-")).toList();
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
