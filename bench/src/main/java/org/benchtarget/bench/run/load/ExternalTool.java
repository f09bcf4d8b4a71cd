package org.benchtarget.bench.run.load;

import org.benchtarget.bench.BenchException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a load tool found on PATH (ab, wrk, httperf) and returns what it printed. */
final class ExternalTool {
    private final String command;
    private final String installHint;

    ExternalTool(String command, String installHint) {
        this.command = command;
        this.installHint = installHint;
    }

    Optional<Path> find() {
        var path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (var folder : path.split(File.pathSeparator)) {
            var candidate = Path.of(folder.isEmpty() ? "." : folder, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Stops with one line when the tool is not installed. */
    Path require() {
        return find().orElseThrow(() -> new BenchException("driver " + command + " is not installed (no " + command
                + " on PATH; " + installHint + ")"));
    }

    /** Returns stdout and stderr together; a tool that runs past {@code limitSeconds} is destroyed. */
    String run(List<String> cpuPrefix, List<String> arguments, long limitSeconds, RunControl control)
            throws IOException, InterruptedException {
        var line = new ArrayList<>(cpuPrefix);
        line.add(require().toString());
        line.addAll(arguments);
        var process = new ProcessBuilder(line).redirectErrorStream(true).start();
        control.started(process);
        try {
            var output = new StringBuilder();
            var reader = Thread.ofPlatform().daemon().start(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.append("(output lost: ").append(e.getMessage()).append(')');
                }
            });
            if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
                throw new IOException(command + " ran longer than " + limitSeconds + " s and was stopped");
            }
            reader.join(5_000);
            return output.toString();
        } finally {
            control.ended(process);
        }
    }
}
