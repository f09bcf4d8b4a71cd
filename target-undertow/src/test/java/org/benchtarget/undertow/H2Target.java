package org.benchtarget.undertow;

import org.benchtarget.core.App;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.testing.TestDatabases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An in-process Undertow target on a fresh H2 database, started for a test on port 0. */
final class H2Target {
    private H2Target() {
    }

    /** {@code profile} with {@code knobs} (host, threads, ...) and port=0, on {@code clock}. */
    static UndertowServer start(String profile, Clock clock, String... knobs) {
        var sets = new ArrayList<>(List.of(knobs));
        sets.add("port=0");
        sets.addAll(SettingsParser.dbKnobs(TestDatabases.fresh(DbKind.H2)));
        var settings = SettingsParser.parse(profile, Map.of(), sets);
        return UndertowServer.newServer(App.create(settings, clock), settings).start();
    }

    static UndertowServer start(String profile, String... knobs) {
        return start(profile, Clock.systemDefaultZone(), knobs);
    }
}
