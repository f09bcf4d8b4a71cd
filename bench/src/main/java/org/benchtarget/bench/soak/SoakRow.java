package org.benchtarget.bench.soak;

/**
 * One line of the soak table: what was tested, the load held, the faults injected, how many requests
 * were sent, how many failed against the contract, how many writes a client saw succeed but the
 * database lost ({@code -1}: not applicable), and whether the test passed. {@code detail} says why not.
 */
public record SoakRow(String test, String load, String faults, long requests, long errors, long lost, boolean passed, String detail) {

    public static SoakRow failed(String test, String load, String faults, Throwable error) {
        return new SoakRow(test, load, faults, 0, 1, -1, false, error.getClass().getSimpleName() + ": " + error.getMessage());
    }
}
