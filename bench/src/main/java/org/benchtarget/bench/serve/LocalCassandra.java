package org.benchtarget.bench.serve;

import org.benchtarget.cassandra.CassandraNode;
import org.benchtarget.core.config.CassandraSettings;
import org.benchtarget.core.config.Knob;
import org.benchtarget.core.config.Settings;

import java.io.IOException;
import java.util.List;

/**
 * {@code bench serve} with {@code survey.store=cassandra} and no {@code cassandra.contact-points}: a single-node
 * Cassandra of its own (its own JVM, data in runs/cassandra-PID), so the profile needs nothing installed. The
 * node stops after the target and its data is removed; with contact points the user's cluster is used instead.
 */
public final class LocalCassandra {
    private LocalCassandra() {
    }

    /** Starts a node when the knobs ask for one and adds its contact point to {@code sets}; returns it, or null. */
    public static CassandraNode startIfWanted(Settings settings, List<String> sets) throws IOException, InterruptedException {
        if (!wanted(settings)) {
            return null;
        }
        var node = start();
        sets.add(contactPoint(node));
        return node;
    }

    /** Whether {@code settings} want Cassandra without naming a cluster: bench then starts a node of its own. */
    public static boolean wanted(Settings settings) {
        return CassandraSettings.of(settings).enabled() && settings.effective().get(Knob.CASSANDRA_CONTACT_POINTS).isBlank();
    }

    /** Starts a single node, data in runs/cassandra-PID (bench run and bench soak share one among their profiles). */
    public static CassandraNode start() throws IOException, InterruptedException {
        var dir = TargetJars.home().resolve("runs").resolve("cassandra-" + ProcessHandle.current().pid());
        JettyBase.deleteTree(dir); // a previous bench of the same pid left it
        System.out.println("bench: starting a local Cassandra node for survey.store=cassandra (data in " + dir + "; 15-60 s)");
        long start = System.nanoTime();
        var node = CassandraNode.start(dir);
        System.out.println("bench: Cassandra listening on " + node.contactPoint() + " (pid " + node.pid() + ", started in "
                + (System.nanoTime() - start) / 1_000_000 + " ms)");
        return node;
    }

    /** The --set that points a target at {@code node}. */
    public static String contactPoint(CassandraNode node) {
        return Knob.CASSANDRA_CONTACT_POINTS.key() + "=" + node.contactPoint();
    }

    /** Stops the node and removes its data (when bench is stopped by a signal, the node's hook does, after the target). */
    public static void stop(CassandraNode node) throws InterruptedException {
        if (node != null) {
            node.stop();
            node.removeData();
        }
    }
}
