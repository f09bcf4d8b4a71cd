package org.benchtarget.jetty;

import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** The conformance suite (bench verify's checks) against embedded Jetty: nio (core Handler on the selector), threads and virtual, gzip on and off, H2 and PostgreSQL. */
class JettyConformanceIT {

    @TestFactory
    Stream<DynamicNode> conformsToTheContract() {
        var containers = new ArrayList<DynamicNode>();
        for (var db : DbKind.values()) {
            for (var workers : List.of("nio", "threads", "virtual")) {
                for (var gzip : List.of("off", "on")) {
                    var name = "jetty-" + workers + " gzip=" + gzip + " db=" + db.knobValue();
                    containers.add(DynamicContainer.dynamicContainer(name, Stream.of(dynamicTest("all checks", () -> runChecks(db, workers, gzip)))));
                }
            }
        }
        containers.add(DynamicContainer.dynamicContainer("jetty-threads keepalive=off db=h2",
                Stream.of(dynamicTest("all checks", () -> runChecks(DbKind.H2, "threads", "off", "keepalive=off")))));
        return containers.stream();
    }

    private static void runChecks(DbKind db, String workers, String gzip, String... more) throws Exception {
        // served-by follows gzip: both of its forms are checked
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "gzip=" + gzip, "served-by=" + gzip));
        sets.addAll(List.of(more));
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.fresh(db)));
        var settings = SettingsParser.parse("jetty-" + workers, Map.of(), sets);
        try (var server = JettyServer.newServer(App.create(settings), settings).start()) {
            var failures = new ContractChecks(URI.create("http://127.0.0.1:" + server.port())).failures();
            assertTrue(failures.isEmpty(), () -> "contract checks failed:\n" + String.join("\n", failures));
        }
    }
}
