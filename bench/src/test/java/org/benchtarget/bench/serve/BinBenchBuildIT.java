package org.benchtarget.bench.serve;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/bench's staleness test and the build it starts, in a home of its own with a stand-in mvn: files that builds and
 * tests leave under a module's target/ (embedded PostgreSQL unpacks a src/ there) and runs/ start no build; a newer
 * source does, with one line saying so, a line per module and no colour codes.
 */
class BinBenchBuildIT {
    private static final Instant BUILT = Instant.now().minusSeconds(1_800);

    @TempDir
    Path home;
    private Path marker;

    @BeforeEach
    void aBuiltHome() throws Exception {
        var script = Files.createDirectories(home.resolve("bin")).resolve("bench");
        Files.copy(Path.of("..", "bin", "bench"), script);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        marker = home.resolve("mvn-was-run");
        var mvn = Files.createDirectories(home.resolve("fake-bin")).resolve("mvn");
        Files.writeString(mvn, """
                #!/bin/sh
                echo "$@" > "%s"
                printf '\\033[0m\\033[0m[INFO] Scanning for projects...\\n'
                printf '[INFO] Building benchtarget db 0.1.0-SNAPSHOT                             [1/2]\\n'
                printf '[INFO] Building benchtarget app-core 0.1.0-SNAPSHOT                       [2/2]\\n'
                printf '[INFO] BUILD SUCCESS\\n\\033[0m\\033[0m\\n'
                """.formatted(marker));
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (var old : new Path[] {home.resolve("pom.xml"), home.resolve("app-core/pom.xml"), home.resolve("app-core/src/main/java/A.java"),
                home.resolve("bench/pom.xml")}) {
            Files.createDirectories(old.getParent());
            Files.writeString(old, "old");
            Files.setLastModifiedTime(old, FileTime.from(BUILT.minusSeconds(600)));
        }
        var jar = Files.createDirectories(home.resolve("bench/target")).resolve("bench.jar");
        Files.writeString(jar, "not a jar: the test stops at the build");
        Files.setLastModifiedTime(jar, FileTime.from(BUILT));
    }

    private String bench() throws Exception {
        var process = new ProcessBuilder(home.resolve("bin/bench").toString(), "--version").redirectErrorStream(true);
        process.environment().put("PATH", home.resolve("fake-bin") + ":" + System.getenv("PATH"));
        process.environment().put("JAVA_HOME", System.getProperty("java.home"));
        var started = process.start();
        var output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    @Test
    void filesUnderTargetAndRunsStartNoBuild() throws Exception {
        for (var generated : new Path[] {home.resolve("app-core/target/embedded-pg/pg-18/src/include/pg_config.h"),
                home.resolve("runs/seed-000/src/notes.txt"), home.resolve("runs/seed-000/report.md")}) {
            Files.createDirectories(generated.getParent());
            Files.writeString(generated, "new");
        }
        var output = bench();
        assertThat(marker).as("mvn ran: %s", output).doesNotExist();
        assertThat(output).doesNotContain("bench: building");
    }

    @Test
    void aNewerSourceBuildsWithProgressAndNoColourCodes() throws Exception {
        Files.setLastModifiedTime(home.resolve("app-core/src/main/java/A.java"), FileTime.from(Instant.now()));
        var output = bench();
        assertThat(marker).exists();
        assertThat(Files.readString(marker)).contains("-B", "-Dstyle.color=never", "package").doesNotContain("-q");
        assertThat(output.lines().filter(line -> line.startsWith("bench: building"))).hasSize(1);
        assertThat(output).contains("bench:   db [1/2]", "bench:   app-core [2/2]").doesNotContain("\u001b");
    }
}
