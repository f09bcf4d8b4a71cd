package org.benchtarget.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Properties;

/** The version and build time Maven wrote into {@code benchtarget-build.properties}. */
public record BuildInfo(String version, Instant time) {

    public static BuildInfo load() {
        var properties = new Properties();
        try (var in = BuildInfo.class.getClassLoader().getResourceAsStream("benchtarget-build.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing benchtarget-build.properties (a broken build?)");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(properties.getProperty("version"), Instant.parse(properties.getProperty("time")));
    }
}
