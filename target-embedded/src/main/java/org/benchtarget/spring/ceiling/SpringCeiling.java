package org.benchtarget.spring.ceiling;

import org.benchtarget.core.TargetLauncher;
import org.benchtarget.core.ceiling.CeilingSettings;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.Settings;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -cp benchtarget-spring.jar org.benchtarget.spring.ceiling.SpringCeiling ceiling-spring [--set ...]}: the bare
 * Spring Boot service the spring targets are measured against, as a Spring user would write it: Boot's
 * auto-configuration on its embedded Jetty and one {@code @RestController} ({@link CeilingController}). It scans only
 * this package, so none of the target's configuration. The knobs are read once at start (app-core's parser) and become
 * the application.properties a user would write; the database is prepared as the targets prepare it.
 */
@SpringBootApplication
public class SpringCeiling {
    /** Jetty's pool also runs the selectors and this one acceptor, as in the spring targets. */
    private static final int ACCEPTORS = 1;

    public static void main(String[] args) {
        TargetLauncher.run("ceiling-spring", args, () -> {
            var context = start(CeilingSettings.parse("spring", Workers.THREADS, List.of(args), System.getenv()));
            return new TargetLauncher.Running(((WebServerApplicationContext) context).getWebServer().getPort(), context::close);
        });
    }

    /** Starts the service (port 0: a free one); closing the context stops it gracefully and closes the pool. */
    public static ConfigurableApplicationContext start(Settings settings) {
        var application = new SpringApplication(SpringCeiling.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setRegisterShutdownHook(false); // TargetLauncher's hook (or the test) closes the context
        application.setDefaultProperties(properties(settings));
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("settings", settings));
        return application.run();
    }

    /** Boot has no property for Jetty's accept queue (its default is the JVM's 50): a user who needs it writes this. */
    @Bean
    JettyServerCustomizer acceptQueue(Settings settings) {
        return server -> {
            for (var connector : server.getConnectors()) {
                if (connector instanceof ServerConnector network) {
                    network.setAcceptQueueSize(settings.backlog());
                }
            }
        };
    }

    private static Map<String, Object> properties(Settings settings) {
        int pool = settings.threads() + settings.ioThreads() + ACCEPTORS;
        var properties = new LinkedHashMap<String, Object>();
        properties.put("server.address", settings.host());
        properties.put("server.port", settings.port());
        properties.put("server.jetty.threads.max", pool);
        properties.put("server.jetty.threads.min", pool);
        properties.put("server.jetty.threads.selectors", settings.ioThreads());
        properties.put("server.jetty.threads.acceptors", ACCEPTORS);
        properties.put("server.shutdown", "graceful");
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", settings.shutdownTimeout().toMillis() + "ms");
        // app-core's jar is on the class path with its static/ folder, which Boot would serve (/hello.txt)
        properties.put("spring.web.resources.add-mappings", false);
        properties.put("logging.level.org.flywaydb", "warn");
        properties.put("logging.level.com.zaxxer.hikari", "warn");
        return properties;
    }
}
