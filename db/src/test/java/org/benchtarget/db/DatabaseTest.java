package org.benchtarget.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    /** Nothing listens on port 1: the one line names the URL (not the password), why, and what to do. */
    @Test
    void noDatabaseThereIsOneLineNamingTheUrlAndWhatToDo() {
        var config = new DbConfig(DbKind.POSTGRES, "jdbc:postgresql://127.0.0.1:1/none?password=inurl", "bench", "s3cret", 2);
        assertThatThrownBy(() -> Database.open(config))
                .hasMessageStartingWith("cannot open the database postgres jdbc:postgresql://127.0.0.1:1/none (")
                .hasMessageContaining("refused")
                .hasMessageContaining("db.url")
                .hasMessageContaining("leave db unset")
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("inurl")
                .hasMessageNotContaining("\n")
                .hasNoCause();
    }
}
