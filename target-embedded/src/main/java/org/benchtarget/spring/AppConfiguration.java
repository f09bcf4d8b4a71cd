package org.benchtarget.spring;

import org.benchtarget.jetty.core.QueueStampingThreadPool;

import org.benchtarget.core.App;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.TlsSettings;
import org.benchtarget.core.tls.ServerTls;
import org.benchtarget.jetty.core.JettyProtocols;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.benchtarget.jetty.core.PathCompliance;
import org.benchtarget.jetty.core.PlainErrorHandler;
import org.benchtarget.jetty.core.WholeBodyHandler;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import java.util.Map;

/**
 * The Spring configuration: Boot's auto-configuration (embedded server, DispatcherServlet, filters)
 * plus the App as a bean and one handler mapping in front. No component scan: app-core is built
 * by App.create, as in every target. Spring's error pages are off: app-core answers 404/405/4xx.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(exclude = ErrorMvcAutoConfiguration.class)
class AppConfiguration {

    @Bean
    App app(Settings settings) {
        var app = App.create(settings);
        app.info().put("server", "jetty " + org.eclipse.jetty.util.Jetty.VERSION + ", spring-boot " + SpringBootVersion.getVersion());
        app.info().put("workerThreads", settings.workers() == Workers.VIRTUAL ? "virtual" : Integer.toString(settings.threads()));
        app.info().put("ioThreads", Integer.toString(settings.ioThreads()));
        return app;
    }

    /** Every path, every method to the front controller, ahead of Spring's own mappings. */
    @Bean
    SimpleUrlHandlerMapping appHandlerMapping(App app) {
        return new SimpleUrlHandlerMapping(Map.of("/**", new AppController(app)), Ordered.HIGHEST_PRECEDENCE);
    }

    /**
     * workers=threads: Jetty's pool as Boot's properties sized it, but one that stamps its queued jobs, so that
     * Server-Timing's queue includes the wait for a thread. Ordered after Boot's customizer, which creates the pool.
     * Virtual threads (Boot's VirtualThreadPool) are kept as they are: no pool to wait for. Boot's
     * server.jetty.threads.max-queue-capacity is not carried over (the knobs never set it).
     */
    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> queueStampingPool() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(JettyServletWebServerFactory factory) {
                if (factory.getThreadPool() instanceof QueuedThreadPool pool && pool.getClass() == QueuedThreadPool.class
                        && pool.getVirtualThreadsExecutor() == null) {
                    factory.setThreadPool(new QueueStampingThreadPool(pool.getMaxThreads(), pool.getMinThreads(), pool.getIdleTimeout()));
                }
            }
        };
    }

    /**
     * Requests Jetty refuses itself get a one-line reason too. An exception escaping the front
     * controller (a bug: App.handle never throws) still gets Jetty's page, but without a stack trace.
     * The connector gets the {@code backlog} knob, no per-connection header cache, and lets every path through
     * to app-core's one path rule (PathCompliance).
     */
    @Bean
    JettyServerCustomizer plainErrorsAndBacklog(Settings settings, App app) {
        return server -> {
            server.setErrorHandler(new PlainErrorHandler("benchtarget-" + settings.target()));
            // a body is read whole before a pool thread serves the request (slow clients hold no thread); one over
            // request.max-body answers 413 before Spring's filters and a thread see it
            server.insertHandler(new WholeBodyHandler(settings.limits().maxBodyBytes(), settings.limits().idleTimeout().toMillis()));
            // Spring Boot has no property for the accept queue (Jetty's default is the JVM's 50), nor for the
            // parser's header cache (about 38 KB per connection: the JVM ran out of memory at 2,000 connections).
            for (var connector : server.getConnectors()) {
                if (connector instanceof ServerConnector network) {
                    network.setAcceptQueueSize(settings.backlog());
                }
                var http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) {
                    http.getHttpConfiguration().setHeaderCacheSize(0);
                    PathCompliance.apply(http.getHttpConfiguration()); // every path reaches app-core's one path rule
                    if (connector instanceof ServerConnector network) {
                        // tls and http2: the same factories as embedded Jetty's, over Boot's HTTP configuration
                        var tls = app.tls();
                        network.setConnectionFactories(JettyProtocols.factories(http.getHttpConfiguration(),
                                tls == null ? null : tls.context(), ServerTls.PROTOCOLS, TlsSettings.of(settings).http2(),
                                TlsSettings.MAX_CONCURRENT_STREAMS));
                    }
                }
            }
            var context = server.getDescendant(ServletContextHandler.class);
            if (context != null && context.getErrorHandler() instanceof ErrorHandler handler) {
                handler.setShowStacks(false);
                handler.setShowCauses(false);
                handler.setShowMessageInTitle(false);
            }
        };
    }
}
