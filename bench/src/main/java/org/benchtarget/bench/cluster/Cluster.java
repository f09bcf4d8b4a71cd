package org.benchtarget.bench.cluster;

import org.benchtarget.bench.BenchException;
import org.benchtarget.cassandra.CassandraNode;
import org.benchtarget.core.config.Knob;
import org.benchtarget.core.config.SettingsParser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * {@code bench cluster up} and {@code down}: the one-machine proof's hosts as network namespaces on one bridge,
 * then PostgreSQL on the database host (and Cassandra on its own host with {@code --store cassandra}), the data
 * reset from a load host, the profile on every target host
 * ({@code bench serve}, all on the one database: sessions, CSRF, drafts and caches agree across hosts), and
 * nginx or HAProxy on the balancer with the configuration {@link LoadBalancerConfig} writes. Everything made
 * is recorded in {@link ClusterState} first, so {@code down} undoes it after any failure. Not thread-safe.
 */
final class Cluster {
    static final Duration START_LIMIT = Duration.ofSeconds(120);
    /** A cold Cassandra takes 10-60 s on two busy cores (CassandraNode waits as long). */
    private static final Duration CASSANDRA_START_LIMIT = Duration.ofMinutes(4);

    private final Path dir;
    private final PrintStream out;

    Cluster(Path dir, PrintStream out) {
        this.dir = dir.toAbsolutePath().normalize();
        this.out = out;
    }

    Path dir() {
        return dir;
    }

    /** {@code store}: sql or cassandra, or null for the profile's survey.store. */
    void up(String prefix, String subnet, int targets, int loads, String lb, String profile, String store, List<String> sets)
            throws IOException, InterruptedException {
        var kind = LoadBalancerConfig.kind(lb);
        var layout = ClusterLayout.of(prefix, subnet, targets, loads, store != null ? ClusterLayout.Store.of(store)
                : ClusterLayout.Store.of(SettingsParser.parse(profile, Map.of(), List.of()).effective().get(Knob.SURVEY_STORE)));
        SettingsParser.parse(profile, Map.of(), withClusterKnobs(sets, "127.0.0.1", layout)); // bad knobs: one line, nothing made
        requireTools(kind, layout.store());
        var existing = ClusterState.read(dir);
        if (existing != null) {
            throw new BenchException("a cluster is recorded in " + dir.resolve(ClusterState.FILE) + ": bench cluster down --dir " + dir + " first");
        }
        Files.createDirectories(dir.resolve("logs"));
        for (var host : layout.hosts()) {
            if (Ip.namespaces().contains(host.namespace())) {
                throw new BenchException("namespace " + host.namespace() + " exists already (another cluster, or one whose state file is gone: "
                        + "ip netns delete it, or use --prefix)");
            }
        }
        var state = ClusterState.create(dir, layout, targets, loads, lb, profile, sets);
        network(layout, state);
        database(layout, state);
        if (layout.store() == ClusterLayout.Store.CASSANDRA) {
            cassandra(layout, state);
        }
        var load = layout.one(ClusterLayout.Role.LOAD);
        out.println("cluster: data reset from " + load.name() + " (bench db reset" + (layout.store() == ClusterLayout.Store.CASSANDRA
                ? ", which empties Cassandra's table too)" : ")"));
        var resetLog = dir.resolve("logs").resolve("db-reset.log");
        if (HostProcesses.runBench(load, withSets(List.of("db", "reset", profile), layout.dataKnobs()), resetLog, START_LIMIT) != 0) {
            throw new BenchException("bench db reset failed: " + HostProcesses.lastLine(resetLog) + " (log: " + resetLog + ")");
        }
        targets(layout, state, profile, sets);
        balancer(layout, state, kind);
        state.fact("up", "complete");
        out.println("cluster up: " + layout.lbUrl() + " balances " + layout.all(ClusterLayout.Role.TARGET).size() + " target hosts ("
                + profile + ") over " + layout.describeData() + "; state in " + dir.resolve(ClusterState.FILE));
    }

    private static void requireTools(LoadBalancerConfig.Kind kind, ClusterLayout.Store store) {
        if (!Files.isExecutable(Path.of(kind == LoadBalancerConfig.Kind.NGINX ? "/usr/sbin/nginx" : "/usr/sbin/haproxy"))) {
            throw new BenchException("bench cluster --lb " + kind.name().toLowerCase(Locale.ROOT) + ": not installed (apt-get install "
                    + kind.name().toLowerCase(Locale.ROOT) + ")");
        }
        Postgres.binaries();
        if (store == ClusterLayout.Store.CASSANDRA) {
            try {
                CassandraNode.classpath();
            } catch (IllegalStateException e) {
                throw new BenchException("bench cluster --store cassandra: " + e.getMessage());
            }
        }
        if (ProcessHandle.current().info().user().map(user -> !user.equals("root")).orElse(true)) {
            throw new BenchException("bench cluster needs root (it creates network namespaces with ip netns)");
        }
    }

    private void network(ClusterLayout layout, ClusterState state) {
        var switchNs = layout.switchNamespace();
        state.namespace(switchNs);
        try {
            Ip.addNamespace(switchNs);
        } catch (BenchException e) {
            throw new BenchException("cannot create network namespaces (bench cluster needs root and ip netns): " + e.getMessage());
        }
        Ip.bridge(switchNs, "br0");
        for (var host : layout.hosts()) {
            state.namespace(host.namespace());
            Ip.addNamespace(host.namespace());
            Ip.plug(host.namespace(), host.address(), switchNs, "br0", "p-" + host.name());
        }
        out.println("cluster: " + layout.hosts().size() + " hosts on " + layout.subnet() + ".0/24 (bridge in namespace " + switchNs + "): "
                + String.join(", ", layout.hosts().stream().map(host -> host.name() + " " + host.address()).toList()));
    }

    private void database(ClusterLayout layout, ClusterState state) throws IOException, InterruptedException {
        var host = layout.one(ClusterLayout.Role.DB);
        var data = dir.resolve("db");
        state.scratch(data);
        state.fact("db.data", data.toString());
        var process = Postgres.start(host, data, layout.subnet() + ".0/24", dir.resolve("logs").resolve("db.log"));
        state.pid(host.name(), process.pid());
        HostProcesses.awaitListening(host, host.address(), ClusterLayout.PG_PORT, process, dir.resolve("logs").resolve("db.log"), START_LIMIT);
        Postgres.createDatabase(data);
        out.println("cluster: PostgreSQL on " + host.address() + ":" + ClusterLayout.PG_PORT + " (pid " + process.pid() + ")");
    }

    /**
     * Starts Cassandra on its host: cassandra-node's node (the jars Maven resolved, a JDK 17) on the host's address,
     * its log in logs/cas.log, its data in the cluster's folder (deleted by down).
     */
    private void cassandra(ClusterLayout layout, ClusterState state) throws IOException, InterruptedException {
        var host = layout.one(ClusterLayout.Role.CASSANDRA);
        var data = dir.resolve("cas");
        state.scratch(data);
        var log = dir.resolve("logs").resolve("cas.log");
        var command = CassandraNode.configure(data, host.address(), false, ClusterLayout.CQL_PORT, ClusterLayout.CASSANDRA_STORAGE_PORT,
                CassandraNode.classpath(), false);
        var process = HostProcesses.start(host, command, log);
        state.pid(host.name(), process.pid());
        HostProcesses.awaitListening(host, host.address(), ClusterLayout.CQL_PORT, process, log, CASSANDRA_START_LIMIT);
        out.println("cluster: Cassandra on " + host.address() + ":" + ClusterLayout.CQL_PORT + " (pid " + process.pid() + ")");
    }

    /** The knobs of a target host: its address and port, the cluster's database and store, then the user's. */
    static List<String> withClusterKnobs(List<String> sets, String address, ClusterLayout layout) {
        var all = new ArrayList<String>();
        all.add("host=" + address);
        all.add("port=" + ClusterLayout.HTTP_PORT);
        all.addAll(layout.dataKnobs());
        var own = all.stream().map(Cluster::key).toList();
        for (var set : sets) {
            var key = key(set);
            if (own.contains(key)) {
                throw new BenchException("--set " + set + ": bench cluster sets " + key + " itself"
                        + (key.equals(Knob.SURVEY_STORE.key()) ? " (--store)" : ""));
            }
            all.add(set);
        }
        return all;
    }

    private static String key(String set) {
        return set.contains("=") ? set.substring(0, set.indexOf('=')) : set;
    }

    /** {@code args} then {@code --set KNOB} for each knob. */
    static List<String> withSets(List<String> args, List<String> knobs) {
        var all = new ArrayList<>(args);
        for (var knob : knobs) {
            all.add("--set");
            all.add(knob);
        }
        return all;
    }

    private void targets(ClusterLayout layout, ClusterState state, String profile, List<String> sets) throws IOException, InterruptedException {
        var started = new ArrayList<Process>();
        for (var host : layout.all(ClusterLayout.Role.TARGET)) {
            var args = withSets(List.of("serve", profile), withClusterKnobs(sets, host.address(), layout));
            var process = HostProcesses.start(host, HostProcesses.bench(args), log(host));
            state.pid(host.name(), process.pid());
            started.add(process);
        }
        var targets = layout.all(ClusterLayout.Role.TARGET);
        for (int i = 0; i < targets.size(); i++) {
            var host = targets.get(i);
            HostProcesses.awaitListening(layout.one(ClusterLayout.Role.LOAD), host.address(), ClusterLayout.HTTP_PORT, started.get(i), log(host), START_LIMIT);
            out.println("cluster: " + host.name() + " " + host.url() + " (" + profile + ", pid " + started.get(i).pid() + ")");
        }
    }

    private void balancer(ClusterLayout layout, ClusterState state, LoadBalancerConfig.Kind kind) throws IOException, InterruptedException {
        var host = layout.one(ClusterLayout.Role.LB);
        var lbDir = dir.resolve("lb");
        Files.createDirectories(lbDir.resolve("temp"));
        // nginx's workers run as nobody when the master is root: they write proxy temp files here
        Files.setPosixFilePermissions(lbDir.resolve("temp"), PosixFilePermissions.fromString("rwxrwxrwx"));
        var backends = layout.all(ClusterLayout.Role.TARGET).stream().map(t -> t.address() + ":" + ClusterLayout.HTTP_PORT).toList();
        var listen = host.address() + ":" + ClusterLayout.HTTP_PORT;
        var config = LoadBalancerConfig.render(kind, lbDir, listen, backends, 1);
        List<String> command;
        if (kind == LoadBalancerConfig.Kind.NGINX) {
            Files.writeString(lbDir.resolve("nginx.conf"), config);
            command = List.of("/usr/sbin/nginx", "-p", lbDir.toString(), "-c", lbDir.resolve("nginx.conf").toString());
        } else {
            Files.writeString(lbDir.resolve("haproxy.cfg"), config);
            command = List.of("/usr/sbin/haproxy", "-db", "-f", lbDir.resolve("haproxy.cfg").toString());
        }
        // HAProxy logs requests on stdout: that file is its access log; nginx writes access.log itself
        var log = kind == LoadBalancerConfig.Kind.NGINX ? dir.resolve("logs").resolve("lb.log") : lbDir.resolve("access.log");
        var process = HostProcesses.start(host, command, log);
        state.pid(host.name(), process.pid());
        HostProcesses.awaitListening(layout.one(ClusterLayout.Role.LOAD), host.address(), ClusterLayout.HTTP_PORT, process, log, START_LIMIT);
        out.println("cluster: " + kind.name().toLowerCase(Locale.ROOT) + " on " + layout.lbUrl() + " (pid " + process.pid()
                + "; config " + lbDir.resolve(kind == LoadBalancerConfig.Kind.NGINX ? "nginx.conf" : "haproxy.cfg") + ")");
    }

    private Path log(ClusterLayout.Host host) {
        return dir.resolve("logs").resolve(host.name() + ".log");
    }

    /**
     * Stops every process in the cluster's namespaces (SIGTERM, then SIGKILL), deletes the namespaces (their links go
     * with them) and PostgreSQL's (and Cassandra's) data; keeps logs and results. Safe to repeat, and after a failed up. Returns what it did.
     */
    String down() throws IOException, InterruptedException {
        var state = ClusterState.read(dir);
        if (state == null) {
            return "no cluster recorded in " + dir;
        }
        var namespaces = state.content().namespaces();
        var pids = new ArrayList<ProcessHandle>();
        for (var namespace : namespaces) {
            for (long pid : Ip.pids(namespace)) {
                ProcessHandle.of(pid).ifPresent(pids::add);
            }
        }
        pids.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (var process : pids) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                process.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException stillThere) {
                process.destroyForcibly();
            }
        }
        int deleted = 0;
        for (var namespace : namespaces.reversed()) {
            for (long pid : Ip.pids(namespace)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            deleted += Ip.deleteNamespace(namespace) ? 1 : 0;
        }
        for (var scratch : state.content().scratch()) {
            deleteTree(Path.of(scratch));
        }
        state.delete();
        return "cluster down: stopped " + pids.size() + " processes, deleted " + deleted + " namespaces (and their links); logs kept in "
                + dir.resolve("logs");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
