package org.benchtarget.bench.cluster;

import org.benchtarget.bench.BenchCommand;
import org.benchtarget.bench.BenchException;
import org.benchtarget.core.config.CassandraSettings;
import org.benchtarget.core.config.SettingsParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cluster's hosts and the knobs its processes get, per store: no root or namespace needed. */
class ClusterLayoutTest {
    @Test
    void cassandraGetsAHostOfItsOwnAndTheTargetsPointAtIt() {
        var layout = ClusterLayout.of("bt", "10.9.8", 2, 1, ClusterLayout.Store.CASSANDRA);
        assertThat(layout.hosts()).extracting(ClusterLayout.Host::name).containsExactly("db", "cas", "lb", "t1", "t2", "load1");
        var cas = layout.named("cas");
        assertThat(cas.address()).isEqualTo("10.9.8.6");
        assertThat(cas.namespace()).isEqualTo("bt-cas");
        assertThat(cas.role()).isEqualTo(ClusterLayout.Role.CASSANDRA);

        var knobs = Cluster.withClusterKnobs(List.of("cache=data"), "10.9.8.21", layout);
        assertThat(knobs).containsExactly("host=10.9.8.21", "port=8080", "db=postgres", "db.url=jdbc:postgresql://10.9.8.5:5432/benchtarget",
                "survey.store=cassandra", "cassandra.contact-points=10.9.8.6:9042", "cache=data");
        // what a target makes of them: Cassandra at the cas host, the SQL database still PostgreSQL
        var settings = SettingsParser.parse("undertow-nio", Map.of(), knobs);
        var cassandra = CassandraSettings.of(settings);
        assertThat(cassandra.enabled()).isTrue();
        assertThat(cassandra.contactPoints()).singleElement().satisfies(point -> {
            assertThat(point.getHostString()).isEqualTo("10.9.8.6");
            assertThat(point.getPort()).isEqualTo(9042);
        });
        assertThat(layout.describeData()).contains("Cassandra at 10.9.8.6:9042");
        assertThat(Cluster.withSets(List.of("db", "reset", "undertow-nio"), layout.dataKnobs()))
                .containsSubsequence("db", "reset", "undertow-nio", "--set", "survey.store=cassandra", "--set", "cassandra.contact-points=10.9.8.6:9042");
    }

    @Test
    void theSqlStoreHasNoCassandraHostAndSaysSoToAProfileThatWantsOne() {
        var layout = ClusterLayout.of("bt", "10.9.8", 2, 1, ClusterLayout.Store.SQL);
        assertThat(layout.all(ClusterLayout.Role.CASSANDRA)).isEmpty();
        assertThat(layout.hosts()).extracting(ClusterLayout.Host::name).containsExactly("db", "lb", "t1", "t2", "load1");
        var knobs = Cluster.withClusterKnobs(List.of(), "10.9.8.21", layout);
        assertThat(knobs).contains("survey.store=sql").noneMatch(knob -> knob.startsWith("cassandra."));
        // a cassandra profile on --store sql: the cluster's knob wins, no target starts a node of its own
        assertThat(CassandraSettings.of(SettingsParser.parse("undertow-nio-cassandra", Map.of(), knobs)).enabled()).isFalse();
        assertThat(layout.describeData()).contains("completed surveys too").doesNotContain("Cassandra");
    }

    @Test
    void theStoreIsChosenWithStoreNotWithSet() {
        var layout = ClusterLayout.of("bt", "10.9.8", 2, 1, ClusterLayout.Store.SQL);
        assertThatThrownBy(() -> Cluster.withClusterKnobs(List.of("survey.store=cassandra"), "10.9.8.21", layout))
                .isInstanceOf(BenchException.class).hasMessage("--set survey.store=cassandra: bench cluster sets survey.store itself (--store)");
        var cassandra = ClusterLayout.of("bt", "10.9.8", 2, 1, ClusterLayout.Store.CASSANDRA);
        assertThatThrownBy(() -> Cluster.withClusterKnobs(List.of("cassandra.contact-points=10.0.0.1"), "10.9.8.21", cassandra))
                .hasMessageContaining("bench cluster sets cassandra.contact-points itself");
        // the knobs a user may still choose
        assertThat(Cluster.withClusterKnobs(List.of("cassandra.consistency=LOCAL_ONE"), "10.9.8.21", cassandra)).contains("cassandra.consistency=LOCAL_ONE");
    }

    @Test
    void anUnknownStoreIsRefusedInOneLineBeforeAnythingIsMade() throws Exception {
        var dir = Files.createTempDirectory("cluster-store");
        var err = new ByteArrayOutputStream();
        var original = System.err;
        System.setErr(new PrintStream(err, true));
        try {
            assertThat(BenchCommand.execute("cluster", "up", "--dir", dir.toString(), "--store", "mongodb")).isEqualTo(2);
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString().strip()).isEqualTo("bench: --store mongodb: expected sql or cassandra");
        try (var made = Files.list(dir)) {
            assertThat(made).isEmpty();
        }
        Files.delete(dir);
    }

    @Test
    void aStateFileOfBeforeStoreReadsAsSql(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ClusterState.FILE), """
                {"prefix":"bt","subnet":"10.9.8","targets":2,"loads":1,"lb":"nginx","profile":"undertow-nio","sets":[],
                 "namespaces":[],"pids":{},"scratch":[],"facts":{}}""");
        assertThat(ClusterState.read(dir).layout().store()).isEqualTo(ClusterLayout.Store.SQL);
    }
}
