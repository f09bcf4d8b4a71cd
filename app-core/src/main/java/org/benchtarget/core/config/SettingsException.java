package org.benchtarget.core.config;

/** A knob problem that stops startup; the message is the one line the user sees. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
