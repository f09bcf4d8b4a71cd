package org.benchtarget.bench.run.load;

import org.benchtarget.bench.run.result.Errors;
import org.benchtarget.bench.run.result.Latency;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads httperf 0.9 output. httperf gives no percentiles: its connection time median and max stand
 * in for p50 and max (one request per connection, so that is the request's time), its average for the mean.
 */
final class HttperfOutput {
    private static final Pattern TOTAL = Pattern.compile(
            "Total: connections (\\d+) requests (\\d+) replies (\\d+) test-duration ([\\d.]+) s");
    private static final Pattern CONNECTION_TIME = Pattern.compile(
            "Connection time \\[ms\\]: min ([\\d.]+) avg ([\\d.]+) max ([\\d.]+) median ([\\d.]+)");
    private static final Pattern STATUS = Pattern.compile(
            "Reply status: 1xx=(\\d+) 2xx=(\\d+) 3xx=(\\d+) 4xx=(\\d+) 5xx=(\\d+)");
    private static final Pattern ERRORS = Pattern.compile(
            "Errors: total (\\d+) client-timo (\\d+) socket-timo (\\d+) connrefused (\\d+) connreset (\\d+)");
    private static final Pattern OTHER = Pattern.compile(
            "Errors: fd-unavail (\\d+) addrunavail (\\d+) ftab-full (\\d+) other (\\d+)");

    private HttperfOutput() {
    }

    static LoadDriver.Outcome parse(String output) throws IOException {
        Parse.find(TOTAL, output, "httperf", "Total: connections");
        var total = TOTAL.matcher(output);
        total.find();
        long replies = Long.parseLong(total.group(3));
        double seconds = Double.parseDouble(total.group(4));
        var status = STATUS.matcher(output);
        long ok = replies;
        if (status.find()) {
            ok = Long.parseLong(status.group(2));
        }
        long timeout = 0;
        long connect = 0;
        long reset = 0;
        var errors = ERRORS.matcher(output);
        if (errors.find()) {
            timeout = Long.parseLong(errors.group(2)) + Long.parseLong(errors.group(3));
            connect = Long.parseLong(errors.group(4));
            reset = Long.parseLong(errors.group(5));
        }
        long other = 0;
        var more = OTHER.matcher(output);
        if (more.find()) {
            for (int group = 1; group <= 4; group++) {
                other += Long.parseLong(more.group(group));
            }
        }
        var latency = new Latency(null, null, null, null, null, null);
        var time = CONNECTION_TIME.matcher(output);
        if (replies > 0 && time.find()) {
            latency = new Latency(Double.parseDouble(time.group(4)), null, null, null,
                    Double.parseDouble(time.group(3)), Double.parseDouble(time.group(2)));
        }
        return new LoadDriver.Outcome(replies, seconds, latency, new Errors(connect, timeout, reset, replies - ok, other),
                ok, replies - ok + connect + timeout + reset + other);
    }
}
