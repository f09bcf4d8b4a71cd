package org.benchtarget.bench.cluster;

import org.benchtarget.bench.BenchException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench cluster up|run|down}: the multi-host proof on one machine, with network namespaces (root, iproute2). */
@Command(name = "cluster", description = "Several target hosts behind a load balancer on one PostgreSQL (and one Cassandra with --store cassandra), load from several hosts: "
        + "the proof on one machine with network namespaces (needs root and ip netns).",
        subcommands = {ClusterCommand.Up.class, ClusterCommand.Run.class, ClusterCommand.Down.class})
public final class ClusterCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static class Folder {
        @Option(names = "--dir", paramLabel = "DIR", description = "the cluster's folder: state file, logs, LB config, results (default runs/cluster)")
        Path dir = Path.of("runs", "cluster");
    }

    @Command(name = "up", description = "Create the hosts (namespaces on one bridge) and start PostgreSQL (and Cassandra), the targets and the load balancer.")
    static final class Up extends Folder implements Callable<Integer> {
        @Option(names = "--lb", paramLabel = "KIND", description = "load balancer: nginx (default) or haproxy")
        String lb = "nginx";

        @Option(names = "--profile", paramLabel = "PROFILE", description = "the profile every target host runs (default undertow-nio)")
        String profile = "undertow-nio";

        @Option(names = "--store", paramLabel = "STORE", description = "where completed surveys go: sql (PostgreSQL) or cassandra "
                + "(a Cassandra node on a host of its own, cas); default: the profile's survey.store")
        String store;

        @Option(names = "--set", paramLabel = "KNOB=VALUE", description = "knob for every target host (e.g. cache=data); repeatable")
        List<String> sets = new ArrayList<>();

        @Option(names = "--targets", paramLabel = "N", description = "target hosts (default 3)")
        int targets = 3;

        @Option(names = "--loads", paramLabel = "N", description = "load hosts (default 2)")
        int loads = 2;

        @Option(names = "--prefix", paramLabel = "NAME", description = "namespace name prefix (default btc)")
        String prefix = "btc";

        @Option(names = "--subnet", paramLabel = "A.B.C", description = "the hosts' /24 (default 10.231.0)")
        String subnet = "10.231.0";

        @Override
        public Integer call() throws Exception {
            if (targets < 2 || targets > 9 || loads < 1 || loads > 9) {
                throw new BenchException("--targets 2..9 and --loads 1..9");
            }
            if (!subnet.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || !prefix.matches("[a-z][a-z0-9]{0,5}")) {
                throw new BenchException("--subnet A.B.C (three octets) and --prefix of 1-6 letters/digits");
            }
            var cluster = new Cluster(dir, System.out);
            try {
                cluster.up(prefix, subnet, targets, loads, lb, profile, store, sets);
            } catch (BenchException e) {
                if (ClusterState.read(cluster.dir()) != null && !e.getMessage().startsWith("a cluster is recorded")) {
                    throw new BenchException(e.getMessage() + "; remove what was made: bench cluster down --dir " + dir);
                }
                throw e;
            }
            return 0;
        }
    }

    @Command(name = "run", description = "The proof: bench verify through the LB and across hosts, a seed experiment from every load host "
            + "at once (merged), then failover: one target host killed mid-run.")
    static final class Run extends Folder implements Callable<Integer> {
        @Option(names = "--experiment", paramLabel = "NAME", description = "the seed experiment (default seed-001)")
        String experiment = "seed-001";

        @Option(names = "--quick", description = "the experiment's quick form")
        boolean quick;

        @Option(names = "--users", paramLabel = "N", description = "failover: survey users per load host (default 10)")
        int users = 10;

        @Option(names = "--seconds", paramLabel = "S", description = "failover: seconds of load (default 20)")
        int seconds = 20;

        @Option(names = "--kill-after", paramLabel = "S", description = "failover: kill the last target host after S seconds (default 6)")
        int killAfter = 6;

        @Override
        public Integer call() throws Exception {
            if (users < 1 || seconds < 5 || killAfter < 1 || killAfter >= seconds - 3) {
                throw new BenchException("--users >= 1, --seconds >= 5, 1 <= --kill-after <= seconds - 4");
            }
            return new ClusterRun(dir.toAbsolutePath().normalize(), System.out).run(new ClusterRun.Plan(experiment, quick,
                    new Failover.Plan(users, seconds, killAfter)));
        }
    }

    @Command(name = "down", description = "Stop every process in the cluster's namespaces and delete them (also after a failed up or run).")
    static final class Down extends Folder implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            System.out.println(new Cluster(dir, System.out).down());
            return 0;
        }
    }
}
