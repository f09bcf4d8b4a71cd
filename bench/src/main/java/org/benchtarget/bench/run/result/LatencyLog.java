package org.benchtarget.bench.run.result;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code latency.hlog} of a run folder: every measurement's latencies (microseconds) as one tagged interval
 * histogram in HdrHistogram's log format, so runs of several load hosts can be added ({@code bench merge})
 * instead of averaging their percentiles. Also readable by HdrHistogram's own tools (HistogramLogProcessor).
 * Not thread-safe: one run writes its folder.
 */
public final class LatencyLog {
    public static final String FILE = "latency.hlog";
    /** Microseconds in the histogram, milliseconds in the log's max column. */
    private static final double MICROS_PER_MS = 1000.0;

    private LatencyLog() {
    }

    /** Starts a fresh log (a folder reused by --out must not keep another run's histograms). */
    public static void create(Path folder) throws IOException {
        try (var out = new PrintStream(Files.newOutputStream(folder.resolve(FILE)), true, "UTF-8")) {
            var writer = new HistogramLogWriter(out);
            writer.outputComment("benchtarget bench run: one interval per measurement, tagged as in results.json, values in microseconds");
            writer.outputLogFormatVersion();
            writer.outputLegend();
        }
    }

    /** Appends one measurement's histogram under {@code tag}, timed from {@code startMillis} to {@code endMillis} (epoch). */
    public static void append(Path folder, String tag, Histogram histogram, long startMillis, long endMillis) throws IOException {
        var copy = histogram.copy();
        copy.setTag(tag);
        copy.setStartTimeStamp(startMillis);
        copy.setEndTimeStamp(endMillis);
        try (var out = new PrintStream(Files.newOutputStream(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                true, "UTF-8")) {
            new HistogramLogWriter(out).outputIntervalHistogram(startMillis / 1000.0, endMillis / 1000.0, copy, MICROS_PER_MS);
        }
    }

    /** Returns the folder's histograms by tag (empty when it has no log: a run with ab, wrk or httperf). */
    public static Map<String, Histogram> read(Path folder) throws IOException {
        var byTag = new LinkedHashMap<String, Histogram>();
        var file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return byTag;
        }
        HistogramLogReader reader;
        try {
            reader = new HistogramLogReader(file.toFile());
        } catch (FileNotFoundException e) {
            return byTag;
        }
        try {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                if (next instanceof Histogram histogram && histogram.getTag() != null) {
                    byTag.put(histogram.getTag(), histogram);
                }
            }
        } finally {
            reader.close();
        }
        return byTag;
    }
}
