package org.benchtarget.bench.run.result;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds; a percentile a driver does not report is null (ab has no p99.9). */
public record Latency(Double p50, Double p90, Double p99, Double p999, Double max, Double mean) {

    /** Returns the percentiles of a histogram recorded in microseconds. */
    public static Latency fromMicros(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return new Latency(null, null, null, null, null, null);
        }
        return new Latency(ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(90)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)),
                ms(histogram.getMaxValue()), Math.round(histogram.getMean()) / 1000.0);
    }

    private static Double ms(long micros) {
        return micros / 1000.0;
    }
}
