package org.benchtarget.undertow.protocols;

import org.benchtarget.bench.verify.ProtocolSuite;
import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;
import org.benchtarget.undertow.UndertowServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite over every protocol: undertow-nio-h2 (TLS with a self-signed certificate, h2 by ALPN and HTTP/1.1 on one
 * port) and undertow-nio-h2c (h2c by prior knowledge or Upgrade beside HTTP/1.1), each started once.
 */
class UndertowProtocolsIT {
    private static UndertowServer tls;
    private static UndertowServer h2c;

    @BeforeAll
    static void start() {
        tls = start("undertow-nio-h2");
        h2c = start("undertow-nio-h2c");
    }

    private static UndertowServer start(String profile) {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "request.idle-timeout=3s"));
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.fresh(DbKind.H2)));
        var settings = SettingsParser.parse(profile, Map.of(), sets);
        return UndertowServer.newServer(App.create(settings), settings).start();
    }

    @AfterAll
    static void stop() {
        for (var server : new UndertowServer[] {tls, h2c}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void conformsOverH2Http11WithTlsAndH2c() throws Exception {
        var failures = ProtocolSuite.overEachProtocol(URI.create("https://127.0.0.1:" + tls.port()), tls.app().tls().certFile(),
                URI.create("http://127.0.0.1:" + h2c.port()));
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }
}
