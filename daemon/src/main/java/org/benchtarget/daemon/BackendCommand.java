package org.benchtarget.daemon;

import org.benchtarget.core.TargetLauncher;
import org.benchtarget.core.config.Knob;
import org.benchtarget.core.config.Modes.ProxyProtocol;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.fixture.ServedBy;
import org.benchtarget.db.DbConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line and environment of one backend: the in-process target of {@code backend=},
 * on 127.0.0.1 and a port the supervisor chose, with every other knob of the daemon's effective
 * settings, each once. Credentials go in the environment, never on the command line (ps shows it).
 */
record BackendCommand(List<String> command, Map<String, String> environment) {
    /**
     * Knobs a backend gets from the supervisor, not from the daemon's values. The front terminates TLS and HTTP/2:
     * backends speak HTTP/1.1 in the clear on loopback (or a Unix socket), as behind nginx or mod_wsgi, or h2c with
     * proxy.protocol=h2c.
     */
    private static final Set<Knob> OWN = EnumSet.of(Knob.TARGET, Knob.MODE, Knob.HOST, Knob.PORT,
            Knob.DB, Knob.DB_URL, Knob.DB_USER, Knob.DB_PASSWORD, Knob.SECRET, Knob.WINDOW_TOKEN,
            Knob.TLS, Knob.TLS_CERT, Knob.TLS_KEY, Knob.HTTP2);

    /** {@code socket}: proxy=uds's Unix socket for this backend, or null. */
    static BackendCommand of(Settings settings, BackendLaunch launch, Path jar, DbConfig db, int port, Path socket, int index) {
        var command = new ArrayList<String>();
        command.add(launch.java());
        command.addAll(launch.jvmOptions());
        command.add("-D" + TargetLauncher.SUPERVISOR_PID + "=" + ProcessHandle.current().pid());
        command.add("-D" + ServedBy.BACKEND_INDEX + "=" + index);
        command.add("-D" + TargetLauncher.FRONT_PROTOCOLS + "=tls=" + settings.effective().get(Knob.TLS) + ",http2=" + settings.effective().get(Knob.HTTP2));
        if (socket != null) {
            command.add("-D" + TargetLauncher.UNIX_SOCKET + "=" + socket);
        }
        command.add("-jar");
        command.add(jar.toString());
        command.add(settings.profile());
        var sets = new ArrayList<String>(List.of(
                "target=" + settings.daemon().backend().knobValue(), "mode=in-process", "host=127.0.0.1", "port=" + port,
                "db=" + db.kind().knobValue(), "db.url=" + db.url(), "db.user=" + db.user(), "tls=off",
                "http2=" + (settings.daemon().protocol() == ProxyProtocol.H2C ? "on" : "off")));
        for (var knob : Knob.values()) {
            if (!OWN.contains(knob)) {
                sets.add(knob.key() + "=" + settings.effective().get(knob));
            }
        }
        settings.fixture().injections().forEach((key, value) -> sets.add(key + "=" + value));
        for (var set : sets) {
            command.add("--set");
            command.add(set);
        }
        var environment = new HashMap<String, String>();
        environment.put(Knob.DB_PASSWORD.envName(), db.password());
        environment.put(Knob.SECRET.envName(), settings.secret());
        environment.put(Knob.WINDOW_TOKEN.envName(), settings.fixture().windowToken());
        return new BackendCommand(List.copyOf(command), Map.copyOf(environment));
    }
}
