package org.benchtarget.bench.run.result;

/** One look at the target's process tree: seconds since the experiment started, CPU (100 = one core busy), RSS, threads, processes. */
public record Sample(double t, double cpuPercent, double rssMiB, int threads, int processes) {
}
