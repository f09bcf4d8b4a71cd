package org.benchtarget.daemon;

import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.TargetSupport;
import org.benchtarget.core.config.TlsSettings;
import org.benchtarget.core.tls.ServerTls;
import org.benchtarget.daemon.front.Front;

import java.util.EnumSet;
import java.util.List;

/**
 * Daemon mode: a front (Undertow's or Jetty's reverse proxy, nginx or HAProxy) that serves the static files and
 * proxies everything else to P backend JVMs of T threads each, all on one shared database, and
 * the supervisor of those backends, in this one process. Start and stop from one thread.
 */
public final class Daemon implements AutoCloseable {
    public static final TargetSupport SUPPORT = new TargetSupport("undertow", EnumSet.allOf(Workers.class),
            EnumSet.of(Mode.DAEMON), "");

    private final SharedDatabase database;
    private final Supervisor supervisor;
    private final Front front;

    private Daemon(SharedDatabase database, Supervisor supervisor, Front front) {
        this.database = database;
        this.supervisor = supervisor;
        this.front = front;
    }

    /** Starts the shared database, the backends (waiting until each is healthy), then the front. */
    public static Daemon start(Settings settings, BackendLaunch launch) {
        SUPPORT.check(settings);
        UnixSockets.check(settings);
        Front.check(settings);
        // first: a bad certificate stops the start before any backend runs
        var tlsSettings = TlsSettings.of(settings);
        var tls = tlsSettings.enabled() ? ServerTls.create(tlsSettings, settings.host()) : null;
        if (tls != null) {
            System.out.println(tls.describe());
        }
        var database = SharedDatabase.open(settings);
        Supervisor supervisor = null;
        try {
            supervisor = Supervisor.start(settings, launch, database.forBackends());
            var uris = supervisor.snapshot().stream().map(Backend.Snapshot::uri).toList();
            var listing = new Listing(supervisor, database.describe());
            var front = Front.start(settings, tls, uris, listing::render);
            listing.front = front;
            supervisor.attach(front);
            front.backendUp(uris.get(0)); // refreshes what nginx serves as /backends now that the front is known
            return new Daemon(database, supervisor, front);
        } catch (RuntimeException e) {
            if (supervisor != null) {
                supervisor.close();
            }
            database.close();
            throw e;
        }
    }

    /** GET /backends, rendered on demand. */
    private static final class Listing {
        private final Supervisor supervisor;
        private final String database;
        private volatile Front front;

        Listing(Supervisor supervisor, String database) {
            this.supervisor = supervisor;
            this.database = database;
        }

        String render() {
            var current = front;
            return supervisor.listing(current == null ? "starting" : current.describe(), current == null ? 0 : current.port(), database);
        }
    }

    /** Returns the front's port, where clients connect. */
    public int port() {
        return front.port();
    }

    /** Returns the pid of each backend process running now, in backend order (-1 for none). */
    public List<Long> backendPids() {
        return supervisor.snapshot().stream().map(Backend.Snapshot::pid).toList();
    }

    /** Returns whether every backend is up (started and healthy). */
    public boolean allUp() {
        return supervisor.snapshot().stream().allMatch(backend -> backend.state() == Backend.State.UP);
    }

    /** Stops the front first (in-flight requests finish), then the backends gracefully, then the shared database. */
    @Override
    public void close() {
        supervisor.beginStop();
        try {
            front.close();
        } finally {
            supervisor.close();
            database.close();
        }
    }
}
