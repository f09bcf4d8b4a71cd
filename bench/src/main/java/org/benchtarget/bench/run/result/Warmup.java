package org.benchtarget.bench.run.result;

/** How a target was warmed up before an endpoint was measured: until throughput stopped rising, or the bound. */
public record Warmup(String profile, String endpoint, int rounds, long requests, double seconds, double finalThroughput,
                     boolean levelledOff) {
}
