package org.benchtarget.bench.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class StartupCacheTest {
    @TempDir
    Path dir;

    @Test
    void beforeJdk25TheJvmKeepsAnAppCdsArchive() throws Exception {
        assumeThat(Runtime.version().feature()).as("the JDK running the tests").isLessThan(25);
        var jar = Files.writeString(dir.resolve("t.jar"), "jar");
        var cache = StartupCache.of(jar);
        assertThat(cache.records()).isFalse();
        assertThat(cache.options()).contains("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + jar + ".jsa");
    }

    @Test
    void theFirstRunRecordsAndItsCacheIsUsedOnceItExitedNormally() throws Exception {
        assumeThat(Runtime.version().feature()).as("the JDK running the tests").isGreaterThanOrEqualTo(25);
        var jar = Files.writeString(dir.resolve("t.jar"), "jar");

        var first = StartupCache.of(jar);
        assertThat(first.records()).isTrue();
        var output = first.options().stream().filter(o -> o.startsWith("-XX:AOTCacheOutput=")).findFirst().orElseThrow();
        var recording = Path.of(output.substring("-XX:AOTCacheOutput=".length()));
        assertThat(recording.getFileName().toString()).contains(".jdk-" + Runtime.version().feature());
        Files.writeString(recording, "cache"); // what the JVM writes at its exit
        first.keep(143); // stopped with SIGTERM

        var second = StartupCache.of(jar);
        assertThat(second.records()).isFalse();
        assertThat(second.options()).singleElement().asString().startsWith("-XX:AOTCache=").doesNotContain("recording");
        assertThat(recording).doesNotExist();
    }

    @Test
    void aKilledRecordingIsDroppedAndANewerJarIsRecordedAgain() throws Exception {
        assumeThat(Runtime.version().feature()).as("the JDK running the tests").isGreaterThanOrEqualTo(25);
        var jar = Files.writeString(dir.resolve("t.jar"), "jar");
        var killed = StartupCache.of(jar);
        var recording = Path.of(killed.options().get(0).substring("-XX:AOTCacheOutput=".length()));
        Files.writeString(recording, "half a cache");
        killed.keep(137); // SIGKILL: the cache may be half written
        assertThat(recording).doesNotExist();
        assertThat(StartupCache.of(jar).records()).isTrue();

        var kept = StartupCache.of(jar);
        Files.writeString(Path.of(kept.options().get(0).substring("-XX:AOTCacheOutput=".length())), "cache");
        kept.keep(0);
        assertThat(StartupCache.of(jar).records()).isFalse();
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60))); // the jar was rebuilt
        assertThat(StartupCache.of(jar).records()).isTrue();
    }
}
