package org.benchtarget.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's test command, {@code bin/test}, on a machine without the tools the tests drive (a PATH with only what
 * the script itself runs on) and told not to install: it stops at once, exit 2, with one line that names the
 * missing packages and how to get them, instead of a build that fails after 10 minutes.
 */
class TestCommandTest {
    /** What bin/test itself needs: bash and a few coreutils. */
    private static final List<String> SCRIPT_TOOLS = List.of("bash", "dirname", "id", "tr");

    @Test
    void namesWhatIsMissingAndStops(@TempDir Path bin) throws Exception {
        for (var tool : SCRIPT_TOOLS) {
            var real = List.of(Path.of("/usr/bin", tool), Path.of("/bin", tool)).stream().filter(Files::isExecutable).findFirst().orElseThrow();
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
        var script = Path.of("").toAbsolutePath().getParent().resolve("bin/test"); // surefire runs in bench/
        var command = new ProcessBuilder("/bin/bash", script.toString()).redirectErrorStream(true);
        command.environment().put("PATH", bin.toString());
        command.environment().put("BIN_TEST_INSTALL", "no");
        var run = command.start();
        run.getOutputStream().close();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("bin/test stops at once").isTrue();
        var output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(run.exitValue()).as(output).isEqualTo(2);
        assertThat(output.lines()).hasSize(1);
        assertThat(output).startsWith("bin/test: missing packages: maven wrk apache2-utils httperf curl nghttp2-client chromium chromium-driver")
                .contains("apt-get install maven wrk");
    }
}
