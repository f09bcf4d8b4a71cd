package org.benchtarget.undertow;

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

/** The conformance suite (bench verify's checks) against Undertow: every worker model, gzip on and off, H2 and PostgreSQL. */
class UndertowConformanceIT {

    @TestFactory
    Stream<DynamicNode> conformsToTheContract() {
        var containers = new ArrayList<DynamicNode>();
        for (var db : DbKind.values()) {
            for (var workers : List.of("nio", "threads", "virtual")) {
                for (var gzip : List.of("off", "on")) {
                    var name = "undertow-" + workers + " gzip=" + gzip + " db=" + db.knobValue();
                    containers.add(DynamicContainer.dynamicContainer(name, Stream.of(dynamicTest("all checks", () -> runChecks(db, workers, gzip)))));
                }
            }
        }
        return containers.stream();
    }

    private static void runChecks(DbKind db, String workers, String gzip) {
        // served-by follows gzip: both of its forms are checked on every worker model
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "gzip=" + gzip, "served-by=" + gzip));
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.fresh(db)));
        var settings = SettingsParser.parse("undertow-" + workers, Map.of(), sets);
        try (var server = UndertowServer.newServer(App.create(settings), settings).start()) {
            var failures = new ContractChecks(URI.create("http://127.0.0.1:" + server.port())).failures();
            assertTrue(failures.isEmpty(), () -> "contract checks failed:\n" + String.join("\n", failures));
        }
    }
}
