package org.benchtarget.bench.run.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.run.result.Results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The output folder of a run: results.json, results.csv, report.md and report.html. */
public final class Reports {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Reports() {
    }

    /** Writes results.json and results.csv (after every measurement: Ctrl-C keeps what was measured). */
    public static void writeResults(Path folder, Results results) throws IOException {
        write(folder.resolve("results.json"), JSON.writeValueAsString(results));
        write(folder.resolve("results.csv"), ResultsCsv.render(results));
    }

    public static void writeAll(Path folder, Results results) throws IOException {
        writeResults(folder, results);
        var tables = new ReportTables(results);
        write(folder.resolve("report.md"), MarkdownReport.render(results, tables));
        write(folder.resolve("report.html"), HtmlReport.render(results, tables));
    }

    /** Reads a folder's results.json, or stops with one line. */
    public static Results read(Path folder) {
        var file = Files.isDirectory(folder) ? folder.resolve("results.json") : folder;
        if (!Files.isRegularFile(file)) {
            throw new BenchException("no results.json in " + folder);
        }
        try {
            return JSON.readValue(file.toFile(), Results.class);
        } catch (IOException e) {
            throw new BenchException(file + " is not a bench run result: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void write(Path file, String text) throws IOException {
        // write then move: a reader (or Ctrl-C) never sees half a file
        var partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
