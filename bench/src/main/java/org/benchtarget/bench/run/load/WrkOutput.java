package org.benchtarget.bench.run.load;

import org.benchtarget.bench.run.result.Errors;
import org.benchtarget.bench.run.result.Latency;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads wrk 4 output with --latency. wrk puts non-2xx/3xx answers on a line of their own that is easy
 * to miss; socket errors are connect, read (reset), write (reset) and timeout. No p99.9.
 */
final class WrkOutput {
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m|h)");
    private static final Pattern LATENCY = Pattern.compile("Latency\\s+([\\d.]+)(us|ms|s|m|h)\\s+\\S+\\s+([\\d.]+)(us|ms|s|m|h)");
    private static final Pattern PERCENT = Pattern.compile("(?m)^\\s+(50|90|99)%\\s+([\\d.]+)(us|ms|s|m|h)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private WrkOutput() {
    }

    static LoadDriver.Outcome parse(String output) throws IOException {
        if (output.contains("unable to connect")) {
            return new LoadDriver.Outcome(0, 0, new Latency(null, null, null, null, null, null),
                    new Errors(1, 0, 0, 0, 0), 0, 1);
        }
        var total = TOTAL.matcher(output);
        if (!total.find()) {
            Parse.find(TOTAL, output, "wrk", "N requests in");
        }
        long requests = Long.parseLong(total.group(1));
        double seconds = Parse.millis(total.group(2), total.group(3)) / 1000.0;
        Double p50 = null;
        Double p90 = null;
        Double p99 = null;
        var percent = PERCENT.matcher(output);
        while (percent.find()) {
            double value = Parse.millis(percent.group(2), percent.group(3));
            switch (percent.group(1)) {
                case "50" -> p50 = value;
                case "90" -> p90 = value;
                default -> p99 = value;
            }
        }
        Double mean = null;
        Double max = null;
        var latency = LATENCY.matcher(output);
        if (latency.find()) {
            mean = Parse.millis(latency.group(1), latency.group(2));
            max = Parse.millis(latency.group(3), latency.group(4));
        }
        long connect = 0;
        long reset = 0;
        long timeout = 0;
        var socket = SOCKET.matcher(output);
        if (socket.find()) {
            connect = Long.parseLong(socket.group(1));
            reset = Long.parseLong(socket.group(2)) + Long.parseLong(socket.group(3));
            timeout = Long.parseLong(socket.group(4));
        }
        var non2xx = NON_2XX.matcher(output);
        long non2xxCount = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        return new LoadDriver.Outcome(requests, seconds, new Latency(p50, p90, p99, null, max, mean),
                new Errors(connect, timeout, reset, non2xxCount, 0), requests - non2xxCount,
                non2xxCount + connect + reset + timeout);
    }
}
