package org.benchtarget.core.config;

import java.time.Duration;
import java.util.Map;

/**
 * The knobs that make a target a fixture for other tools: the mode manifest and Server-Timing
 * headers, injected latency and faults, run windows and readiness. Immutable.
 *
 * @param injections per-endpoint knobs by full key, e.g. {@code inject.delay.db -> lognormal(20ms,5ms)}
 * @param warmupJitQuiet zero: no JIT condition for readiness
 * @param warmupAny ready when any condition set holds, rather than all of them
 * @param servedBy X-Served-By on every response
 */
public record FixtureSettings(
        boolean manifest,
        boolean serverTiming,
        boolean injectHeaders,
        long injectSeed,
        Duration injectMaxDelay,
        Map<String, String> injections,
        String windowToken,
        int warmup,
        Duration warmupJitQuiet,
        boolean warmupAny,
        boolean servedBy) {

    public FixtureSettings {
        injections = Map.copyOf(injections);
    }
}
