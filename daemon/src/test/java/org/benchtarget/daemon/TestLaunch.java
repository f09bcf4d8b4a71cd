package org.benchtarget.daemon;

import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.SettingsParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the daemon ITs start backends: the packaged jar (failsafe runs after package), small JVMs. */
final class TestLaunch {
    private TestLaunch() {
    }

    static BackendLaunch backends() {
        var jar = Path.of("target/benchtarget-daemon.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), () -> "no " + jar + ": daemon ITs need the packaged jar (mvn verify)");
        var tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Files.createDirectories(tmp);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx96m", "-Xss512k", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + tmp.toAbsolutePath()));
        if (Runtime.version().feature() >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        // the Jetty target's jar, built before this module (a test dependency): backend=jetty, as proxy=uds needs
        var jetty = Path.of("../target-servlet-jetty/target/benchtarget-jetty.jar").toAbsolutePath().normalize();
        return new BackendLaunch(ProcessHandle.current().info().command().orElseThrow(), options, Map.of("undertow", jar, "jetty", jetty));
    }

    /** Returns the daemon-p2-t10 profile on a free loopback port, with 4 threads per backend and {@code more} knobs. */
    static Settings settings(String... more) {
        var sets = new ArrayList<>(List.of("host=127.0.0.1", "port=0", "threads=4"));
        sets.addAll(List.of(more));
        return SettingsParser.parse("daemon-p2-t10", Map.of(), sets);
    }

    /** Returns whether any of these processes still runs. */
    static List<Long> alive(List<Long> pids) {
        return pids.stream().filter(pid -> pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).toList();
    }
}
