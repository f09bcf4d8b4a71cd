package org.benchtarget.bench.soak;

import org.benchtarget.core.config.CassandraSettings;
import org.benchtarget.db.DbConfig;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A target under soak: where it answers, its process (the front in daemon mode) when the suite
 * started it, its database, and the suite's PostgreSQL when the suite owns it (to stop and start);
 * {@code cassandra} when completed surveys go to Cassandra ({@code survey.store=cassandra}).
 */
public record SoakTarget(String profile, URI base, boolean daemon, Optional<ProcessHandle> process, DbConfig db,
                         Optional<SoakDatabase> server, Duration poolTimeout, Duration shutdownTimeout, SoakSizes sizes,
                         Optional<CassandraSettings> cassandra) {
}
