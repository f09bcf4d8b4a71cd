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
        // output to a file, not a pipe: nothing to drain while the tool runs, and a stopped tool's output is kept
        var output = Files.createTempFile(Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))), "tool", ".out");
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            var process = builder.start();
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail(String.join(" ", command) + " ran longer than " + LIMIT_SECONDS + " s and was stopped:\n" + Files.readString(output));
            }
            return new ToolRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
