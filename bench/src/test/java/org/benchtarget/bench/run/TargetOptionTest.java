package org.benchtarget.bench.run;

import org.benchtarget.bench.BenchException;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code bench run --target}: what only a run that starts its own targets can do is refused with one line. */
class TargetOptionTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void knobsProfilesAndTargetPinningAreRefused() {
        var target = URI.create("http://127.0.0.1:1");
        assertThatThrownBy(() -> run(new RunOptions("seed-000", true, null, null, List.of(), List.of("gzip=on"), List.of(), null, target, null)))
                .isInstanceOf(BenchException.class).hasMessageContaining("--profile, --set and --jvm-opt do not apply");
        assertThatThrownBy(() -> run(new RunOptions("seed-000", true, null, null, List.of("undertow-nio"), List.of(), List.of(), null, target, null)))
                .isInstanceOf(BenchException.class).hasMessageContaining("do not apply");
        assertThatThrownBy(() -> run(new RunOptions("seed-000", true, null, null, List.of(), List.of(), List.of(), "0:1", target, null)))
                .isInstanceOf(BenchException.class).hasMessageContaining("pin the load only");
        assertThatThrownBy(() -> run(new RunOptions("seed-000", true, null, null, List.of(), List.of(), List.of(), null, null,
                java.time.Instant.now())))
                .isInstanceOf(BenchException.class).hasMessage("--start-at goes with --target (load hosts of one running target)");
    }

    @Test
    void aTargetThatDoesNotAnswerIsOneLine() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        var target = URI.create("http://127.0.0.1:" + port);
        assertThatThrownBy(() -> run(new RunOptions("seed-000", true, null, null, List.of(), List.of(), List.of(), null, target, null)))
                .isInstanceOf(BenchException.class).hasMessageStartingWith("--target " + target + ": no answer").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> run(new RunOptions("seed-000", true, null, null, List.of(), List.of(), List.of(), null, URI.create("ftp://x/"), null)))
                .isInstanceOf(BenchException.class).hasMessage("--target: expected http://host:port, got ftp://x/");
    }

    private static void run(RunOptions options) throws Exception {
        new ExperimentRun(options, QUIET).run();
    }
}
