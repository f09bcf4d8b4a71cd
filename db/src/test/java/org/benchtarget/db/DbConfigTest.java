package org.benchtarget.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DbConfigTest {

    @Test
    void describeShowsNoPasswordFromTheUrl() {
        var postgres = new DbConfig(DbKind.POSTGRES, "jdbc:postgresql://db:5432/bench?user=u&password=hunter2", "u", "", 1);
        assertThat(postgres.describe()).isEqualTo("postgres jdbc:postgresql://db:5432/bench");
        var h2 = new DbConfig(DbKind.H2, "jdbc:h2:tcp://127.0.0.1:9092/mem:bench;USER=sa;PASSWORD=hunter2;DB_CLOSE_DELAY=-1", "sa", "", 1);
        assertThat(h2.describe()).isEqualTo("h2 jdbc:h2:tcp://127.0.0.1:9092/mem:bench;USER=sa;PASSWORD=(set);DB_CLOSE_DELAY=-1")
                .doesNotContain("hunter2");
    }
}
