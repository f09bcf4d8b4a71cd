package org.benchtarget.spring;

import org.benchtarget.core.App;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.Settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The knobs as Spring Boot properties: what a Spring user would write in application.properties
 * to get the same server. Only server and framework settings; the App reads its Settings itself.
 */
final class KnobProperties {
    /** Jetty's pool also runs the selectors (io-threads) and this one acceptor. */
    private static final int ACCEPTORS = 1;
    /** workers=virtual: a virtual thread per request, bounded only as a guard (Undertow's are unbounded). */
    private static final int MAX_VIRTUAL_TASKS = 10_000;

    private KnobProperties() {
    }

    static Map<String, Object> of(Settings settings) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("server.port", settings.port());
        properties.put("server.address", settings.host());
        properties.put("server.server-header", "benchtarget-" + settings.target());
        properties.put("server.max-http-request-header-size", settings.limits().maxHeaderBytes() + "B");
        properties.put("server.jetty.connection-idle-timeout", settings.limits().idleTimeout().toMillis() + "ms");
        properties.put("server.shutdown", "graceful");
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", settings.shutdownTimeout().toMillis() + "ms");

        properties.put("server.compression.enabled", settings.gzip());
        properties.put("server.compression.min-response-size", App.GZIP_MIN_BYTES + "B");
        // Spring's list has text/plain, text/html, text/css, text/javascript, application/json; the other targets gzip any type
        properties.put("server.compression.additional-mime-types", "image/svg+xml");

        boolean virtual = settings.workers() == Workers.VIRTUAL;
        properties.put("spring.threads.virtual.enabled", virtual);
        int pool = virtual ? MAX_VIRTUAL_TASKS : settings.threads() + settings.ioThreads() + ACCEPTORS;
        properties.put("server.jetty.threads.max", pool);
        properties.put("server.jetty.threads.min", virtual ? 8 : pool);
        properties.put("server.jetty.threads.selectors", settings.ioThreads());
        properties.put("server.jetty.threads.acceptors", ACCEPTORS);
        properties.put("server.jetty.max-connections", settings.maxConnections());

        // app-core reads bodies itself, with a limit; this filter would parse PUT/PATCH/DELETE form bodies unbounded first.
        properties.put("spring.mvc.formcontent.filter.enabled", false);
        // The front controller answers every path; no static resource handlers behind it.
        properties.put("spring.web.resources.add-mappings", false);
        // TRACE goes to app-core like any other method (405), not to HttpServlet's echo.
        properties.put("spring.mvc.dispatch-trace-request", true);
        properties.put("logging.level.org.flywaydb", "error");
        properties.put("logging.level.com.zaxxer.hikari", "warn");
        properties.put("logging.level.com.datastax.oss.driver", "error"); // survey.store=cassandra: a WARN per reconnection attempt in an outage
        return properties;
    }
}
