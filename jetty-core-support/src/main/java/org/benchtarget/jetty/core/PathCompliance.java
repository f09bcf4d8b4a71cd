package org.benchtarget.jetty.core;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;

import java.util.EnumSet;

/**
 * What Jetty lets through to the app of a request path. By default (RFC3986) Jetty itself refuses,
 * with a 400, paths that app-core's one path rule ({@code RequestPath}) answers otherwise, such as
 * {@code //}, {@code %25}, {@code %5C} or {@code ..;} (404 there); with these violations allowed,
 * every path Jetty can parse reaches the app, which judges the raw path (never Jetty's decoded one).
 * Used wherever a Jetty server is built: embedded, Spring, and the standalone container's
 * {@code etc/benchtarget-jetty-core.xml}. Stateless.
 */
public final class PathCompliance {
    /** RFC 3986, plus the ambiguous and suspicious path forms, which the app's rule decides. */
    public static final UriCompliance PATHS_TO_THE_APP = UriCompliance.from(EnumSet.of(
            UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT,
            UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
            UriCompliance.Violation.AMBIGUOUS_PATH_PARAMETER,
            UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
            UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS));

    private PathCompliance() {
    }

    /** Sets {@link #PATHS_TO_THE_APP} on {@code http}. */
    public static void apply(HttpConfiguration http) {
        http.setUriCompliance(PATHS_TO_THE_APP);
    }
}
