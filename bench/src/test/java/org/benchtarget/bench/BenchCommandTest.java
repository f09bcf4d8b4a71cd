package org.benchtarget.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

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
        assertThat(err.toString().strip()).isEqualTo("bench: verify: expected http://host:port, got ftp://example");
    }

    @Test
    void resettingTheInMemoryDatabaseIsExplainedNotIgnored() {
        assertThat(BenchCommand.execute("db", "reset")).isEqualTo(2);
        assertThat(err.toString()).contains("seeded at every start");
    }
}
