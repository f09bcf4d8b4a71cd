package org.benchtarget.undertow;

import org.benchtarget.bench.verify.Check;
import org.benchtarget.bench.verify.CrossHostChecks;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbConfig;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three target "hosts" (servers) on one PostgreSQL, no {@code secret} knob (the signing key kept in the database),
 * for every {@code cache} value: bench verify's cross-host checks must pass, among them a wall write on one server
 * visible on the next request on the others although each holds the wall in its own cache. The namespace proof
 * ({@link ClusterIT}) runs the same checks across real hosts behind a load balancer.
 */
class CrossHostIT {

    @ParameterizedTest
    @ValueSource(strings = {"off", "data", "page"})
    void sessionsCsrfWallWritesAndSurveysHoldAcrossHosts(String cache) {
        var fresh = TestDatabases.fresh(DbKind.POSTGRES);
        var database = new DbConfig(fresh.kind(), fresh.url(), fresh.user(), fresh.password(), 2);
        var servers = new ArrayList<UndertowServer>();
        try {
            var hosts = new ArrayList<URI>();
            for (int i = 0; i < 3; i++) {
                var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "threads=4", "cache=" + cache));
                sets.addAll(SettingsParser.dbKnobs(database));
                var settings = SettingsParser.parse("undertow-nio", Map.of(), sets);
                var server = UndertowServer.newServer(App.create(settings), settings).start();
                servers.add(server);
                hosts.add(URI.create("http://127.0.0.1:" + server.port()));
            }
            var outcomes = new CrossHostChecks(hosts).checks().stream().map(Check::run).toList();
            assertThat(outcomes).hasSize(3);
            assertThat(outcomes.stream().filter(outcome -> !outcome.passed()).map(o -> o.name() + ": " + o.detail()).toList()).isEmpty();
        } finally {
            servers.forEach(UndertowServer::close);
        }
    }
}
