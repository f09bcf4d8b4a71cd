package org.benchtarget.bench.cluster;

import org.benchtarget.bench.BenchException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hosts of the one-machine proof, each a network namespace with its own address on one /24 behind a
 * bridge (itself in a namespace of its own, so nothing of the cluster touches the machine's own network):
 * a database host, with {@code --store cassandra} a Cassandra host, a load balancer, N target hosts and M load
 * hosts. Immutable.
 */
record ClusterLayout(String prefix, String subnet, List<Host> hosts) {
    static final int HTTP_PORT = 8080;
    static final int PG_PORT = 5432;
    static final int CQL_PORT = 9042;
    static final int CASSANDRA_STORAGE_PORT = 7000;

    enum Role { DB, CASSANDRA, LB, TARGET, LOAD }

    /** Where the targets write completed surveys: the database (sql) or the Cassandra host. */
    enum Store {
        SQL, CASSANDRA;

        /** {@code sql} or {@code cassandra}, or stops with one line. */
        static Store of(String name) {
            return switch (name) {
                case "sql" -> SQL;
                case "cassandra" -> CASSANDRA;
                default -> throw new BenchException("--store " + name + ": expected sql or cassandra");
            };
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One host: {@code name} (db, cas, lb, t1.., load1..) and its address. */
    record Host(String name, Role role, String address, String namespace) {
        String url() {
            return "http://" + address + ":" + HTTP_PORT;
        }
    }

    /**
     * The standard shape: db .5, cas .6 (store cassandra), lb .10, targets .21.., load hosts .31.. of {@code subnet}
     * (three octets, e.g. 10.231.0).
     */
    static ClusterLayout of(String prefix, String subnet, int targets, int loads, Store store) {
        var hosts = new ArrayList<Host>();
        hosts.add(host(prefix, subnet, "db", Role.DB, 5));
        if (store == Store.CASSANDRA) {
            hosts.add(host(prefix, subnet, "cas", Role.CASSANDRA, 6));
        }
        hosts.add(host(prefix, subnet, "lb", Role.LB, 10));
        for (int i = 1; i <= targets; i++) {
            hosts.add(host(prefix, subnet, "t" + i, Role.TARGET, 20 + i));
        }
        for (int i = 1; i <= loads; i++) {
            hosts.add(host(prefix, subnet, "load" + i, Role.LOAD, 30 + i));
        }
        return new ClusterLayout(prefix, subnet, List.copyOf(hosts));
    }

    private static Host host(String prefix, String subnet, String name, Role role, int last) {
        return new Host(name, role, subnet + "." + last, prefix + "-" + name);
    }

    /** The namespace holding the bridge all hosts plug into. */
    String switchNamespace() {
        return prefix + "-sw";
    }

    List<Host> all(Role role) {
        return hosts.stream().filter(host -> host.role() == role).toList();
    }

    Host one(Role role) {
        return all(role).get(0);
    }

    Host named(String name) {
        return hosts.stream().filter(host -> host.name().equals(name)).findFirst().orElseThrow();
    }

    String lbUrl() {
        return one(Role.LB).url();
    }

    String dbUrl() {
        return "jdbc:postgresql://" + one(Role.DB).address() + ":" + PG_PORT + "/benchtarget";
    }

    Store store() {
        return all(Role.CASSANDRA).isEmpty() ? Store.SQL : Store.CASSANDRA;
    }

    /** The knobs that point bench (serve, db reset, db count) at the cluster's database and store. */
    List<String> dataKnobs() {
        var knobs = new ArrayList<>(List.of("db=postgres", "db.url=" + dbUrl(), "survey.store=" + store().key()));
        if (store() == Store.CASSANDRA) {
            knobs.add("cassandra.contact-points=" + one(Role.CASSANDRA).address() + ":" + CQL_PORT);
        }
        return knobs;
    }

    /** The data's hosts, for people: PostgreSQL's URL, and Cassandra's host when it holds the completed surveys. */
    String describeData() {
        return "PostgreSQL at " + dbUrl() + (store() == Store.CASSANDRA
                ? ", completed surveys in Cassandra at " + one(Role.CASSANDRA).address() + ":" + CQL_PORT : " (completed surveys too)");
    }
}
