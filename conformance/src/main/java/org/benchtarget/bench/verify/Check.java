package org.benchtarget.bench.verify;

/** One named conformance check; {@link Body#run} throws {@link AssertionError} (or anything) to fail. */
public record Check(String name, Body body) {

    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /** The outcome of running a check. */
    public record Outcome(String name, boolean passed, String detail) {
    }

    public Outcome run() {
        try {
            body.run();
            return new Outcome(name, true, "");
        } catch (AssertionError e) {
            return new Outcome(name, false, String.valueOf(e.getMessage()));
        } catch (Exception e) {
            return new Outcome(name, false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Runs {@code checks} in order; returns "name: detail" of each one that failed (empty when all passed). */
    public static java.util.List<String> failures(java.util.List<Check> checks) {
        var failures = new java.util.ArrayList<String>();
        for (var check : checks) {
            var outcome = check.run();
            if (!outcome.passed()) {
                failures.add(outcome.name() + ": " + outcome.detail());
            }
        }
        return failures;
    }

    /** Fails the check with {@code message} unless {@code condition} holds. */
    public static void expect(boolean condition, String message, Object... args) {
        if (!condition) {
            throw new AssertionError(String.format(message, args));
        }
    }
}
