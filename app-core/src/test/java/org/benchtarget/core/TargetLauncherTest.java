package org.benchtarget.core;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A target whose server has no non-daemon thread of its own (daemon mode with the nginx front on PostgreSQL: nginx
 * is another process) still serves until SIGTERM, and then stops gracefully. Before, its JVM exited right after
 * printing "listening": bench soak found nothing on the port.
 */
class TargetLauncherTest {

    @Test
    void aServerWithoutThreadsOfItsOwnServesUntilSigterm(@TempDir Path dir) throws Exception {
        var java = ProcessHandle.current().info().command().orElse("java");
        var log = dir.resolve("target.log");
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ThreadlessTarget.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(log).contains("listening") && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(log)).startsWith("benchtarget-threadless listening on port 4321 ");
            assertThat(process.waitFor(2, TimeUnit.SECONDS)).as("the target exited after its start: %s", Files.readString(log)).isFalse();

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(log).lines()).last().isEqualTo("benchtarget-threadless stopped");
            assertThat(process.exitValue()).isEqualTo(143);
        } finally {
            process.destroyForcibly();
        }
    }

    /** A target whose "server" holds no thread: only the launcher can keep its JVM alive. */
    static final class ThreadlessTarget {
        public static void main(String[] args) {
            TargetLauncher.run("threadless", () -> new TargetLauncher.Running(4321, () -> { }));
        }
    }
}
