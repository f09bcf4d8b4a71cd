package org.benchtarget.loadtests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/** Runs a command line as its own process, bounded in time, and returns its exit code and output. */
record ToolRun(int exitCode, String output) {
    private static final long LIMIT_SECONDS = 120;

    /** Returns the tool's path on PATH, or fails the test with one line saying how to install it. */
    static String require(String tool, String install) {
        for (var folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            var candidate = Path.of(folder.isEmpty() ? "." : folder, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail(tool + " is not on PATH: install it (" + install + "; .ci/run does)");
    }

    static ToolRun run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        var process = builder.start();
        var output = new StringBuilder();
        var reader = Thread.ofPlatform().daemon().start(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output lost: ").append(e.getMessage()).append(')');
            }
        });
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(String.join(" ", command) + " ran longer than " + LIMIT_SECONDS + " s and was stopped");
        }
        reader.join(5_000);
        return new ToolRun(process.exitValue(), output.toString());
    }
}
