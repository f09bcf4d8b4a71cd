package org.benchtarget.bench.run.load;

import org.benchtarget.bench.run.result.Errors;
import org.benchtarget.bench.run.result.Latency;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads h2load's summary (nghttp2 1.52): requests done, non-2xx/3xx answers, failed and timed-out requests, and
 * "time for request" min/max/mean. h2load prints no percentiles, so p50/p90/p99 stay empty.
 */
final class H2loadOutput {
    private static final Pattern FINISHED = Pattern.compile("finished in ([\\d.]+)(us|ms|s|m|h),");
    private static final Pattern REQUESTS = Pattern.compile(
            "requests: (\\d+) total, \\d+ started, (\\d+) done, (\\d+) succeeded, (\\d+) failed, (\\d+) errored, (\\d+) timeout");
    private static final Pattern STATUS = Pattern.compile("status codes: (\\d+) 2xx, (\\d+) 3xx, (\\d+) 4xx, (\\d+) 5xx");
    private static final Pattern TIME = Pattern.compile(
            "time for request:\\s+([\\d.]+)(us|ms|s)\\s+([\\d.]+)(us|ms|s)\\s+([\\d.]+)(us|ms|s)");

    private H2loadOutput() {
    }

    static LoadDriver.Outcome parse(String output) throws IOException {
        var finished = FINISHED.matcher(output);
        if (!finished.find()) {
            Parse.find(FINISHED, output, "h2load", "finished in"); // throws, naming the last line h2load printed
        }
        var requests = REQUESTS.matcher(output);
        if (!requests.find()) {
            Parse.find(REQUESTS, output, "h2load", "requests: N total");
        }
        long done = Long.parseLong(requests.group(2));
        long errored = Long.parseLong(requests.group(5));
        long timeout = Long.parseLong(requests.group(6));
        long non2xx = 0;
        var status = STATUS.matcher(output);
        if (status.find()) {
            non2xx = Long.parseLong(status.group(3)) + Long.parseLong(status.group(4));
        }
        Double max = null;
        Double mean = null;
        var time = TIME.matcher(output);
        if (time.find()) {
            max = Parse.millis(time.group(3), time.group(4));
            mean = Parse.millis(time.group(5), time.group(6));
        }
        double seconds = Parse.millis(finished.group(1), finished.group(2)) / 1000.0;
        return new LoadDriver.Outcome(done, seconds, new Latency(null, null, null, null, max, mean),
                new Errors(0, timeout, 0, non2xx, errored), done - non2xx, non2xx + errored + timeout);
    }
}
