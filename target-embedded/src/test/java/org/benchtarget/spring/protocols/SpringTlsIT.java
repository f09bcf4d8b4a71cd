package org.benchtarget.spring.protocols;

import org.benchtarget.bench.verify.ProtocolSuite;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.benchtarget.spring.SpringServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** spring-jetty-h2 (TLS with a self-signed certificate, h2 by ALPN and HTTP/1.1 on one port, through Boot's Jetty): the suite over h2. */
class SpringTlsIT {
    private static SpringServer server;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))); // Spring's Jetty makes its docbase there
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "request.idle-timeout=3s"));
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.fresh(DbKind.H2)));
        server = SpringServer.newServer(SettingsParser.parse("spring-jetty-h2", Map.of(), sets)).start();
        base = URI.create("https://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void conformsOverH2() throws Exception {
        var failures = ProtocolSuite.failures(base, server.app().tls().certFile(), true, false);
        assertTrue(failures.isEmpty(), () -> "over h2:\n" + String.join("\n", failures));
    }
}
