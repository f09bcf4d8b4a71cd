package org.benchtarget.bench.run;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The progress line of a long run: what is running, how far, and an ETA from the pace so far.
 * On a terminal it rewrites one line; elsewhere (CI logs) it prints a line per step.
 */
final class Progress {
    private final PrintStream out;
    private final int total;
    private final boolean terminal = System.console() != null;
    private final long startNanos = System.nanoTime();
    private int done;
    private int lastWidth;

    Progress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    void step(String what) {
        var line = String.format("[%d/%d %3d%%] %s  %s", done, total, done * 100 / Math.max(1, total), what, eta());
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    void measured() {
        done++;
    }

    void note(String line) {
        if (terminal && lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
        }
        out.println(line);
        out.flush();
    }

    void finish() {
        if (terminal && lastWidth > 0) {
            out.println();
        }
    }

    private String eta() {
        var elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        if (done == 0) {
            return "elapsed " + format(elapsed) + ", ETA ?";
        }
        var left = elapsed.multipliedBy(total - done).dividedBy(done);
        return "elapsed " + format(elapsed) + ", ETA " + format(left);
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
