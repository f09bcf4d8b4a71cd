package org.benchtarget.bench.run.result;

import java.util.List;

/** What the target's whole process tree used during one measurement, from /proc samples. */
public record Resources(double cpuAvgPercent, double cpuMaxPercent, double rssMaxMiB, int threadsMax, int processesMax,
                        List<Sample> samples) {
    public static final Resources NONE = new Resources(0, 0, 0, 0, 0, List.of());

    /** From the samples and the CPU over the whole window (which short loads need: they may fit between two samples). */
    public static Resources of(List<Sample> samples, double cpuAvgPercent) {
        if (samples.isEmpty()) {
            return NONE;
        }
        // the first sample has no CPU figure (no earlier reading to subtract)
        var busy = samples.size() > 1 ? samples.subList(1, samples.size()) : samples;
        return new Resources(
                round(cpuAvgPercent),
                round(busy.stream().mapToDouble(Sample::cpuPercent).max().orElse(0)),
                round(samples.stream().mapToDouble(Sample::rssMiB).max().orElse(0)),
                samples.stream().mapToInt(Sample::threads).max().orElse(0),
                samples.stream().mapToInt(Sample::processes).max().orElse(0),
                List.copyOf(samples));
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
