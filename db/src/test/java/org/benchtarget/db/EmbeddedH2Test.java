package org.benchtarget.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedH2Test {

    @Test
    void theDefaultDatabaseIsAFileOfThisProcessSharedByItsPools() throws Exception {
        var config = DbConfig.h2(DbConfig.DEFAULT_H2_URL, 1);
        try (var first = Database.open(config)) {
            try (var connection = first.getConnection(); var statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
                statement.execute("INSERT INTO kept VALUES (7)");
            }
        }
        var folder = EmbeddedH2.folder();
        assertThat(folder).startsWith(Path.of(System.getProperty("java.io.tmpdir")));
        try (var files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).contains("benchtarget.mv.db");
        }
        // A second pool (a ceiling, bench's own reads) reaches the same data, as the in-memory default did.
        try (var second = Database.open(config);
             var connection = second.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT id FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
        }
    }

    @Test
    void aStartSweepsTheFoldersOfProcessesThatAreGone(@TempDir Path tmp) throws Exception {
        var ended = new ProcessBuilder("true").start();
        ended.waitFor();
        var stale = Files.createDirectories(tmp.resolve("benchtarget-h2-" + ended.pid() + "-123"));
        Files.writeString(stale.resolve("benchtarget.mv.db"), "rows");
        var live = Files.createDirectories(tmp.resolve("benchtarget-h2-" + ProcessHandle.current().pid() + "-456"));
        var other = Files.createDirectories(tmp.resolve("benchtarget-h2-notapid"));
        EmbeddedH2.sweepStale(tmp);
        assertThat(stale).doesNotExist();
        assertThat(live).isDirectory();
        assertThat(other).isDirectory();
    }

    @Test
    void namedDatabasesLiveInTheSameFolder() {
        var url = EmbeddedH2.fileUrl("other");
        assertThat(url).isEqualTo("jdbc:h2:file:" + EmbeddedH2.folder().resolve("other") + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
    }
}
