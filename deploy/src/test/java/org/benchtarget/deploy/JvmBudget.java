package org.benchtarget.deploy;

import org.benchtarget.bench.serve.TargetJvm;

/** The most memory a target's JVM takes with bench serve's options (TargetJvm.MEMORY), for the manifests' limits. */
final class JvmBudget {
    /** bench serve's own JVM (the image's entrypoint: -Xmx48m, C1 only) with its metaspace, CDS and threads. */
    static final long BENCH_SERVE_BYTES = 96L << 20;
    /** Threads beyond the worker pool's 32 (IO, GC, JIT, pool housekeeping) and native overhead (GC, symbols, malloc). */
    private static final int THREADS = 64;
    private static final long NATIVE_OVERHEAD_BYTES = 32L << 20;

    private JvmBudget() {
    }

    static long targetJvmBytes() {
        long total = NATIVE_OVERHEAD_BYTES;
        for (var option : TargetJvm.MEMORY) {
            if (option.startsWith("-Xmx")) {
                total += bytes(option.substring(4));
            } else if (option.startsWith("-Xss")) {
                total += THREADS * bytes(option.substring(4));
            } else if (option.startsWith("-XX:Max") || option.startsWith("-XX:Reserved")) {
                int eq = option.indexOf('=');
                if (eq > 0) {
                    total += bytes(option.substring(eq + 1));
                }
            }
        }
        return total;
    }

    private static long bytes(String size) {
        long number = Long.parseLong(size.substring(0, size.length() - 1));
        return switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
            case 'k' -> number << 10;
            case 'm' -> number << 20;
            case 'g' -> number << 30;
            default -> Long.parseLong(size);
        };
    }
}
