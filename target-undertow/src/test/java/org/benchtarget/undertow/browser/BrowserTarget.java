package org.benchtarget.undertow.browser;

import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.testing.TestDatabases;
import org.benchtarget.undertow.UndertowServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Undertow target in-process on 127.0.0.1, port 0, over a fresh seeded H2: what the browser tests open. */
final class BrowserTarget implements AutoCloseable {
    private final UndertowServer server;

    private BrowserTarget(UndertowServer server) {
        this.server = server;
    }

    static BrowserTarget start(String... knobs) {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "threads=4"));
        sets.addAll(List.of(knobs));
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.h2()));
        var settings = SettingsParser.parse("undertow-nio", Map.of(), sets);
        return new BrowserTarget(UndertowServer.newServer(App.create(settings), settings).start());
    }

    /** Returns the absolute URL of {@code path} on this target. */
    String url(String path) {
        return (server.app().tls() != null ? "https" : "http") + "://127.0.0.1:" + server.port() + path;
    }

    /** Returns the base64 SHA-256 of the certificate's public key (tls=on), as chromium's SPKI list takes it. */
    String spki() {
        return server.app().tls().spkiSha256();
    }

    @Override
    public void close() {
        server.close();
    }
}
