package org.benchtarget.core.survey;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

import java.time.Duration;

/**
 * The keyspace and table of completed responses, created at start when missing (idempotent, like Flyway for
 * SQL). A keyspace created here replicates to min(3, nodes) in the local data centre; one the user made is
 * used as it is.
 */
final class CassandraSchema {
    static final String TABLE = "survey_response";
    private static final Duration DDL_TIMEOUT = Duration.ofSeconds(60);

    private CassandraSchema() {
    }

    static void create(CqlSession session, String keyspace, String localDc) {
        long nodes = session.getMetadata().getNodes().values().stream().filter(node -> localDc.equals(node.getDatacenter())).count();
        long replicas = Math.clamp(nodes, 1, 3);
        ddl(session, "CREATE KEYSPACE IF NOT EXISTS " + keyspace
                + " WITH replication = {'class': 'NetworkTopologyStrategy', '" + localDc + "': " + replicas + "}");
        ddl(session, "CREATE TABLE IF NOT EXISTS " + keyspace + "." + TABLE + " ("
                + "survey_id int, bucket int, response_token text, completed_at timestamp, "
                + "answers map<int, frozen<list<text>>>, "
                + "PRIMARY KEY ((survey_id, bucket), response_token))");
    }

    /** Empties the table (bench db reset). */
    static void truncate(CqlSession session, String keyspace) {
        ddl(session, "TRUNCATE TABLE " + keyspace + "." + TABLE);
    }

    private static void ddl(CqlSession session, String cql) {
        session.execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
    }
}
