package org.benchtarget.core.survey;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import org.benchtarget.core.config.CassandraSettings;
import org.benchtarget.core.config.Knob;
import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.ops.Health;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The store of completed responses {@code survey.store} names: the app's SQL database, or Cassandra (its
 * session opened and its schema created here). {@link Surveys} owns it from then and closes it.
 */
public final class ResponseStores implements AutoCloseable {
    /** A statement that takes longer answers 503: a busy two-core machine still completes an LWT well within it. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);
    /** The table of completed responses in {@code cassandra.keyspace}. */
    public static final String CASSANDRA_TABLE = CassandraSchema.TABLE;

    private final ResponseStore store;
    private final CqlSession session;

    private ResponseStores(ResponseStore store, CqlSession session) {
        this.store = store;
        this.session = session;
    }

    public static ResponseStores sql(DataSource dataSource, Clock clock) {
        return new ResponseStores(new SqlResponseStore(dataSource, clock), null);
    }

    /**
     * Opens the store {@code settings} name. Cassandra not reachable: a {@link SettingsException} naming the
     * contact points (the target stops with that one line, exit 2).
     */
    public static ResponseStores open(CassandraSettings settings, DataSource dataSource, Clock clock) {
        if (!settings.enabled()) {
            return sql(dataSource, clock);
        }
        var session = connect(settings);
        try {
            CassandraSchema.create(session, settings.keyspace(), settings.localDc());
            return new ResponseStores(new CassandraResponseStore(session, settings.keyspace(), dataSource, clock), session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    static CqlSession connect(CassandraSettings settings) {
        var config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, REQUEST_TIMEOUT)
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, settings.consistency())
                .withString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY, "LOCAL_SERIAL")
                // back within seconds of a restarted node, not the default's minute
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(250))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, REQUEST_TIMEOUT)
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, REQUEST_TIMEOUT)
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, REQUEST_TIMEOUT)
                // the native clock needs jnr-posix, left out (pom): without this the driver logs a stack trace at start
                .withBoolean(DefaultDriverOption.TIMESTAMP_GENERATOR_FORCE_JAVA_CLOCK, true)
                .build();
        try {
            return CqlSession.builder()
                    .addContactPoints(settings.contactPoints())
                    .withLocalDatacenter(settings.localDc())
                    .withConfigLoader(config)
                    .build();
        } catch (DriverException | IllegalArgumentException e) {
            var points = settings.contactPoints().stream().map(point -> point.getHostString() + ":" + point.getPort())
                    .collect(Collectors.joining(","));
            // the driver's own message lists every node's stack-less error: one clause says it
            var reason = e instanceof AllNodesFailedException ? "no contact point answered"
                    : String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new SettingsException("survey.store=cassandra: cannot reach Cassandra at " + points + " ("
                    + Knob.CASSANDRA_CONTACT_POINTS.key() + "; " + Knob.CASSANDRA_LOCAL_DC.key() + "=" + settings.localDc() + "): " + reason);
        }
    }

    /** "sql" or "cassandra", as {@code survey.store} says. */
    public String name() {
        return session == null ? "sql" : "cassandra";
    }

    /** What /health checks besides the database: Cassandra when it holds the responses (the SQL store is the database). */
    public List<Health.Store> health() {
        if (session == null) {
            return List.of();
        }
        return List.of(new Health.Store() {
            @Override
            public String name() {
                return "cassandra";
            }

            @Override
            public void check() {
                session.execute(SimpleStatement.newInstance("SELECT release_version FROM system.local").setTimeout(HEALTH_TIMEOUT));
            }
        });
    }

    /** Empties Cassandra's table of completed responses, creating it when missing (bench db reset with survey.store=cassandra). */
    public static void truncate(CassandraSettings settings) {
        try (var session = connect(settings)) {
            CassandraSchema.create(session, settings.keyspace(), settings.localDc());
            CassandraSchema.truncate(session, settings.keyspace());
        }
    }

    /** One completed response as Cassandra holds it: its token and how many questions it answered. */
    public record StoredRow(String token, int answered) {
    }

    /** Every completed response in Cassandra's table (bench soak compares them with what its clients saw). */
    public static List<StoredRow> readAll(CassandraSettings settings) {
        try (var session = connect(settings)) {
            var rows = new ArrayList<StoredRow>();
            var select = SimpleStatement.newInstance("SELECT response_token, answers FROM " + settings.keyspace() + "." + CASSANDRA_TABLE)
                    .setTimeout(Duration.ofSeconds(60));
            for (var row : session.execute(select)) {
                rows.add(new StoredRow(row.getString(0), row.getMap(1, Integer.class, List.class).size()));
            }
            return rows;
        }
    }

    ResponseStore store() {
        return store;
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }
}
