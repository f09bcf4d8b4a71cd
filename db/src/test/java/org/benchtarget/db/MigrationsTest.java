package org.benchtarget.db;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 004 runs backends with one thread and so a pool of one connection: migrating must still work. */
class MigrationsTest {

    @Test
    void aPoolOfOneConnectionIsMigratedAndSeeded() throws SQLException {
        var config = DbConfig.h2("jdbc:h2:mem:m" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", 1);
        try (var pool = Database.open(config)) {
            Migrations.migrate(config);
            assertThat(Seeder.standard().seedIfNeeded(pool)).isTrue();
            try (var connection = pool.getConnection();
                 var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM test")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(RowSeed.COUNT);
            }
        }
    }
}
