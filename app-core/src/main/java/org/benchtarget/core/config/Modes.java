package org.benchtarget.core.config;

import java.util.Locale;

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

    /** CEILING: a bare server without the app, the measure a target on that server is compared with. */
    public enum Mode {
        IN_PROCESS, CONTAINER, DAEMON, CEILING;

        public String knobValue() {
            return Modes.knobValue(this);
        }
    }

    /** Daemon mode: the in-process target each backend process runs. */
    public enum BackendKind {
        UNDERTOW, JETTY;

        /** Returns the knob's text, which is also the target's name, e.g. {@code undertow}. */
        public String knobValue() {
            return Modes.knobValue(this);
        }
    }

    /** Daemon mode: what serves as the front. */
    public enum FrontKind {
        UNDERTOW, NGINX, HAPROXY, JETTY;

        public String knobValue() {
            return Modes.knobValue(this);
        }
    }

    /** Daemon mode: how the front reaches the backends: TCP on loopback, or Unix domain sockets. */
    public enum ProxyKind {
        HTTP, UDS;

        public String knobValue() {
            return Modes.knobValue(this);
        }
    }

    /** Daemon mode: what the front speaks to the backends. */
    public enum ProxyProtocol {
        HTTP1, H2C;

        public String knobValue() {
            return Modes.knobValue(this);
        }
    }

    /** Returns the text a knob gives for {@code value}: {@code IN_PROCESS} is {@code in-process}. */
    static String knobValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Returns the constant for a knob's text: {@code in-process} is {@code IN_PROCESS}. */
    static <E extends Enum<E>> E fromKnob(Class<E> type, String text) {
        return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
