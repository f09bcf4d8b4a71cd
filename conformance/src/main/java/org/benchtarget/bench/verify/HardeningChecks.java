package org.benchtarget.bench.verify;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The security and bad-input groups together, as the targets' ITs run them: a target started with
 * {@code request.idle-timeout} of a few seconds (so silent connections are waited for) and a known
 * {@code secret} (so an expired token can be forged).
 */
public final class HardeningChecks {
    public static final String SECRET = "verify-secret-2f7c9a";
    /** The knobs a target under these checks should run with, besides its own. */
    public static final List<String> KNOBS = List.of("request.idle-timeout=3s", "secret=" + SECRET);

    private HardeningChecks() {
    }

    /** Runs both groups against {@code base}; returns the failures, empty when the target passed. */
    public static List<String> failures(URI base) {
        var checks = new ArrayList<Check>(new SecurityChecks(base, SECRET, null).checks());
        checks.addAll(new BadInputChecks(base, SECRET).checks());
        return Check.failures(checks);
    }
}
