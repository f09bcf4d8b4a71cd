package org.benchtarget.bench.run.load;

import org.benchtarget.bench.BenchException;

import java.util.List;

/** The load drivers bench knows: the embedded one (always there) and ab, wrk, httperf, h2load when installed. */
public final class Drivers {
    private static final List<String> NAMES = List.of("embedded", "ab", "wrk", "httperf", "h2load");

    private Drivers() {
    }

    /** Returns the driver, or stops with one line when it is unknown or not installed. */
    public static LoadDriver named(String name) {
        return switch (name) {
            case "embedded" -> new EmbeddedDriver();
            case "ab" -> {
                AbDriver.AB.require();
                yield new AbDriver();
            }
            case "wrk" -> {
                WrkDriver.WRK.require();
                yield new WrkDriver();
            }
            case "httperf" -> {
                HttperfDriver.HTTPERF.require();
                yield new HttperfDriver();
            }
            case "h2load" -> {
                H2loadDriver.H2LOAD.require();
                yield new H2loadDriver();
            }
            default -> throw new BenchException("unknown driver '" + name + "'; known: " + String.join(", ", NAMES));
        };
    }
}
