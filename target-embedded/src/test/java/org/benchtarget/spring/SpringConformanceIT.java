package org.benchtarget.spring;

import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** The conformance suite (bench verify's checks) against Spring Boot: both worker models, gzip on and off, H2 and PostgreSQL. */
class SpringConformanceIT {

    @BeforeAll
    static void tmpdir() throws IOException {
        // the build points java.io.tmpdir under target/; Spring's Jetty makes its docbase there
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @TestFactory
    Stream<DynamicNode> conformsToTheContract() {
        var containers = new ArrayList<DynamicNode>();
        for (var db : DbKind.values()) {
            for (var profile : List.of("spring-jetty", "spring-virtual")) {
                for (var gzip : List.of("off", "on")) {
                    var name = profile + " gzip=" + gzip + " db=" + db.knobValue();
                    containers.add(DynamicContainer.dynamicContainer(name, Stream.of(dynamicTest("all checks", () -> runChecks(db, profile, gzip)))));
                }
            }
        }
        return containers.stream();
    }

    private static void runChecks(DbKind db, String profile, String gzip) {
        // served-by follows gzip: both of its forms are checked
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "gzip=" + gzip, "served-by=" + gzip));
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.fresh(db)));
        var settings = SettingsParser.parse(profile, Map.of(), sets);
        try (var server = SpringServer.newServer(settings).start()) {
            var failures = new ContractChecks(URI.create("http://127.0.0.1:" + server.port())).failures();
            assertTrue(failures.isEmpty(), () -> "contract checks failed:\n" + String.join("\n", failures));
        }
    }
}
