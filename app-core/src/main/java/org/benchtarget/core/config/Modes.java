package org.benchtarget.core.config;

/** The enumerated knob values, as types. */
public final class Modes {
    private Modes() {
    }

    public enum Workers { THREADS, NIO, VIRTUAL }

    public enum Cache {
        OFF, DATA, PAGE;

        public boolean data() {
            return this != OFF;
        }
    }

    public enum WallQueries { NAIVE, JOINED }

    public enum Mode {
        IN_PROCESS, CONTAINER, DAEMON;

        public String knobValue() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
