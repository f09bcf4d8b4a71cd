package org.benchtarget.spring;

import org.benchtarget.core.App;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.TargetSupport;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.EnumSet;

/**
 * The app as a Spring Boot service. {@link #newServer} is the production wiring that tests reuse on
 * port 0: the knobs become Spring's lowest-precedence properties, so Spring's own properties
 * ({@code --server.jetty.threads.max=64}, {@code SERVER_PORT}) still win. Start and stop from one thread.
 */
public final class SpringServer implements AutoCloseable {
    public static final TargetSupport SUPPORT = new TargetSupport("spring", EnumSet.of(Workers.THREADS, Workers.VIRTUAL),
            EnumSet.of(Mode.IN_PROCESS), "Spring MVC on a Servlet container holds a thread per request: use threads or virtual");

    private final SpringApplication application;
    private final String[] springArgs;
    private ConfigurableApplicationContext context;

    private SpringServer(SpringApplication application, String[] springArgs) {
        this.application = application;
        this.springArgs = springArgs;
    }

    /** Returns a server for these settings, not yet started; {@code springArgs} are Spring's own {@code --name=value}. */
    public static SpringServer newServer(Settings settings, String... springArgs) {
        SUPPORT.check(settings);
        var application = new SpringApplication(AppConfiguration.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setBannerMode(Banner.Mode.OFF);
        application.setDefaultProperties(KnobProperties.of(settings));
        // The knobs were parsed once, by the same SettingsParser every target uses; the context gets the result.
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("settings", settings));
        // TargetLauncher's hook (or the test) closes the context: one graceful stop, not two racing hooks.
        application.setRegisterShutdownHook(false);
        return new SpringServer(application, springArgs.clone());
    }

    public SpringServer start() {
        context = application.run(springArgs);
        return this;
    }

    /** Returns the bound port (the real one when the settings said 0). */
    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public App app() {
        return context.getBean(App.class);
    }

    /**
     * Stops gracefully: the server stops taking connections, in-flight requests may finish within
     * {@code shutdown.timeout} (Spring's graceful shutdown phase), then the App and its pool close.
     */
    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}
