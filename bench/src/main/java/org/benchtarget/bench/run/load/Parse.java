package org.benchtarget.bench.run.load;

import java.io.IOException;
import java.util.regex.Pattern;

/** Small shared steps of reading a load tool's text output. */
final class Parse {
    private Parse() {
    }

    /** Returns group 1 of the first match, or fails naming the tool and the missing line. */
    static String find(Pattern pattern, String output, String tool, String what) throws IOException {
        var matcher = pattern.matcher(output);
        if (!matcher.find()) {
            var first = output.lines().filter(line -> !line.isBlank()).reduce((a, b) -> b).orElse("no output");
            throw new IOException(tool + " printed no '" + what + "' line: " + first.strip());
        }
        return matcher.group(1);
    }

    /** Converts wrk's "298.00us", "2.09ms", "1.50s", "2.00m" to milliseconds. */
    static double millis(String number, String unit) {
        double value = Double.parseDouble(number);
        return switch (unit) {
            case "us" -> value / 1000.0;
            case "ms" -> value;
            case "s" -> value * 1000.0;
            case "m" -> value * 60_000.0;
            case "h" -> value * 3_600_000.0;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }
}
