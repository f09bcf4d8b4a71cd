package org.benchtarget.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void helpPrintsTheUsageOfBenchAndExitsZero() {
        for (var help : List.of("--help", "-h")) {
            out.reset();
            assertThat(BenchCommand.execute(help)).as(help).isZero();
            assertThat(out.toString()).startsWith("Usage: bench ").contains("Commands:", "serve", "verify", "soak");
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void everyCommandAndSubcommandPrintsItsUsageOnHelpAndExitsZero() {
        var commands = new ArrayList<List<String>>();
        new CommandLine(new BenchCommand()).getSubcommands().forEach((name, command) -> {
            commands.add(List.of(name));
            command.getSubcommands().keySet().forEach(sub -> commands.add(List.of(name, sub)));
        });
        assertThat(commands).contains(List.of("serve"), List.of("verify"), List.of("db", "reset"), List.of("cluster", "up"));
        for (var command : commands) {
            out.reset();
            var args = new ArrayList<>(command);
            args.add("--help");
            assertThat(BenchCommand.execute(args.toArray(String[]::new))).as(String.join(" ", args)).isZero();
            assertThat(out.toString()).as(String.join(" ", args)).startsWith("Usage: bench " + String.join(" ", command));
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void anUnknownOptionIsAUsageErrorNotHelp() {
        assertThat(BenchCommand.execute("serve", "--hlep")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--hlep'", "Usage: bench serve");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void profilesListsEveryProfileWithItsKnobs() {
        assertThat(BenchCommand.execute("profiles")).isZero();
        assertThat(out.toString()).contains("undertow-nio", "workers=nio", "undertow-virtual-gzip", "gzip=on");
    }

    @Test
    void serveRefusesABadKnobBeforeStartingAnything() {
        assertThat(BenchCommand.execute("serve", "--set", "workers=fibers")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("bench: workers=fibers: expected one of threads, nio, virtual");
    }

    @Test
    void serveRefusesAnUnknownProfile() {
        assertThat(BenchCommand.execute("serve", "tomcat-bio")).isEqualTo(2);
        assertThat(err.toString()).startsWith("bench: unknown profile 'tomcat-bio'");
    }

    @Test
    void verifyRefusesSomethingThatIsNotAnHttpUrl() {
        assertThat(BenchCommand.execute("verify", "ftp://example")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("bench: verify: expected http://host:port or https://host:port, got ftp://example");
    }

    @Test
    void resettingTheInMemoryDatabaseIsExplainedNotIgnored() {
        assertThat(BenchCommand.execute("db", "reset")).isEqualTo(2);
        assertThat(err.toString()).contains("seeded at every start");
    }

    /** bench db count on the SQL store (an H2 file database); the Cassandra store's is ClusterIT's failover check. */
    @Test
    void countsTheStoredResponsesAndTheirDistinctTokens(@TempDir Path dir) throws Exception {
        var url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=0";
        assertThat(BenchCommand.execute("db", "reset", "--set", "db=h2", "--set", "db.url=" + url)).as(err.toString()).isZero();
        try (var connection = DriverManager.getConnection(url, "sa", "");
             var statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO survey_response (response_token, survey_id, completed_at) "
                    + "SELECT 'token-' || id, id, CURRENT_TIMESTAMP FROM survey WHERE id <= 2");
        }
        out.reset();
        assertThat(BenchCommand.execute("db", "count", "--set", "db=h2", "--set", "db.url=" + url)).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("stored 2, distinct tokens 2 (sql)");
    }

    @Test
    void theEmbeddedDatabaseCannotBeCountedFromOutside() {
        assertThat(BenchCommand.execute("db", "count")).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("bench: the embedded H2 lives inside the target process");
    }
}
