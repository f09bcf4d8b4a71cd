package org.benchtarget.bench.run.load;

import org.benchtarget.bench.run.result.Errors;
import org.benchtarget.bench.run.result.Latency;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads ApacheBench 2.3 output. Failed requests split into Connect, Receive, Length and Exceptions:
 * Length only means a body differed in length from the first (still an answer), so it is not an error;
 * Receive and Exceptions count as resets. Percentiles: ab prints whole milliseconds and no p99.9.
 */
final class AbOutput {
    private static final Pattern COMPLETE = Pattern.compile("Complete requests:\\s+(\\d+)");
    private static final Pattern TIME = Pattern.compile("Time taken for tests:\\s+([\\d.]+) seconds");
    private static final Pattern FAILED = Pattern.compile(
            "\\(Connect: (\\d+), Receive: (\\d+), Length: (\\d+), Exceptions: (\\d+)\\)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx responses:\\s+(\\d+)");
    private static final Pattern MEAN = Pattern.compile("Time per request:\\s+([\\d.]+) \\[ms\\] \\(mean\\)");
    private static final Pattern PERCENT = Pattern.compile("(?m)^\\s+(50|90|99|100)%\\s+(\\d+)");

    private AbOutput() {
    }

    static LoadDriver.Outcome parse(String output) throws IOException {
        var complete = Parse.find(COMPLETE, output, "ab", "Complete requests");
        var seconds = Double.parseDouble(Parse.find(TIME, output, "ab", "Time taken for tests"));
        long connect = 0;
        long reset = 0;
        var failed = FAILED.matcher(output);
        if (failed.find()) {
            connect = Long.parseLong(failed.group(1));
            reset = Long.parseLong(failed.group(2)) + Long.parseLong(failed.group(4));
        }
        var non2xx = NON_2XX.matcher(output);
        long non2xxCount = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        // ab counts a request that failed to connect or receive as complete too
        long answered = Math.max(0, Long.parseLong(complete) - connect - reset);
        Double p50 = null;
        Double p90 = null;
        Double p99 = null;
        Double max = null;
        var percent = PERCENT.matcher(output);
        while (percent.find()) {
            double value = Double.parseDouble(percent.group(2));
            switch (percent.group(1)) {
                case "50" -> p50 = value;
                case "90" -> p90 = value;
                case "99" -> p99 = value;
                default -> max = value;
            }
        }
        var mean = MEAN.matcher(output);
        var latency = new Latency(p50, p90, p99, null, max, mean.find() ? Double.parseDouble(mean.group(1)) : null);
        var errors = new Errors(connect, 0, reset, non2xxCount, 0);
        return new LoadDriver.Outcome(answered, seconds, answered == 0 ? new Latency(null, null, null, null, null, null) : latency,
                errors, answered - non2xxCount, non2xxCount + connect + reset);
    }
}
