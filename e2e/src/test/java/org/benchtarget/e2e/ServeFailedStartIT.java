package org.benchtarget.e2e;

import org.benchtarget.bench.BenchCommand;
import org.benchtarget.bench.serve.TargetJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code bench serve} starts that fail record no AOT cache (the first start of a jar records one at its exit) and
 * say in one line what to do: a port in use (named), a database that is not there (its URL, not its password).
 * The target directly, too: a failed bind names the address. Each in a home of its own, so the first start records.
 */
class ServeFailedStartIT {
    private static final Path JAR = Path.of("..", "target-undertow", "target", "benchtarget-undertow.jar").toAbsolutePath().normalize();

    @TempDir
    Path home;

    private record Outcome(int exit, String output, long millis) {
    }

    private Outcome benchServe(String... args) throws Exception {
        Files.createDirectories(home.resolve("target-undertow/target"));
        Files.createSymbolicLink(home.resolve("target-undertow/target/benchtarget-undertow.jar"), JAR);
        var command = new ArrayList<>(List.of(TargetJvm.javaBinary(), "-Dbench.home=" + home, "-cp", System.getProperty("java.class.path"),
                BenchCommand.class.getName(), "serve"));
        command.addAll(List.of(args));
        return run(command);
    }

    private static Outcome run(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("exited: %s", output).isTrue();
        return new Outcome(process.exitValue(), output, (System.nanoTime() - start) / 1_000_000);
    }

    private List<Path> caches() throws IOException {
        try (var files = Files.list(home.resolve("target-undertow/target"))) {
            return files.filter(file -> file.getFileName().toString().contains(".aot")).toList();
        }
    }

    @Test
    void aPortInUseIsNamedAndNoJvmRecords() throws Exception {
        try (var held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            var outcome = benchServe("undertow-nio", "--set", "host=127.0.0.1", "--set", "port=" + held.getLocalPort());
            assertThat(outcome.exit()).as(outcome.output()).isNotZero();
            assertThat(outcome.output()).contains("port " + held.getLocalPort() + " on 127.0.0.1 is in use").doesNotContain("AOT");
            assertThat(caches()).isEmpty();
        }
    }

    @Test
    void noDatabaseIsOneLineNamingItsUrlAndNothingIsRecorded() throws Exception {
        assumeThat(Runtime.version().feature()).as("AOT cache recording needs JDK 25").isGreaterThanOrEqualTo(25);
        var outcome = benchServe("undertow-nio", "--set", "host=127.0.0.1", "--set", "port=0", "--set", "db=postgres",
                "--set", "db.url=jdbc:postgresql://127.0.0.1:1/none", "--set", "db.password=s3cret");
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output()).contains("benchtarget-undertow: cannot start: cannot open the database postgres jdbc:postgresql://127.0.0.1:1/none",
                "db.url").doesNotContain("s3cret");
        var lines = outcome.output().lines().filter(line -> !line.startsWith("WARNING") && !line.startsWith("bench: this run records")).toList();
        assertThat(lines).as(outcome.output()).hasSize(1);
        assertThat(caches()).as("AOT cache files of a start that never served").isEmpty();
    }

    @Test
    void theTargetNamesTheAddressItCouldNotBind() throws Exception {
        try (var held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            var command = new ArrayList<>(List.of(TargetJvm.javaBinary()));
            command.addAll(TargetJvm.options(List.of()));
            command.addAll(List.of("-jar", JAR.toString(), "undertow-nio", "--set", "host=127.0.0.1", "--set", "port=" + held.getLocalPort()));
            var outcome = run(command);
            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.output()).contains("cannot start: 127.0.0.1:" + held.getLocalPort() + " is in use");
        }
    }
}
