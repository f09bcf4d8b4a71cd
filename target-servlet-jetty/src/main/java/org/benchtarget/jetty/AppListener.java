package org.benchtarget.jetty;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.benchtarget.core.App;
import org.benchtarget.core.config.Modes;
import org.benchtarget.core.config.SettingsException;

/**
 * Registers {@link AppServlet} on "/" when the context starts. Embedded, {@link JettyServer} hands
 * it the App it built; in the WAR, web.xml names it and the no-arg constructor builds the App at
 * context start from {@link ContainerSettings} and closes it when the context stops.
 */
public final class AppListener implements ServletContextListener {
    private final boolean ownsApp;
    private App app;

    /** The WAR's listener: builds the App from the container's configuration. */
    public AppListener() {
        this.ownsApp = true;
    }

    AppListener(App app) {
        this.app = app;
        this.ownsApp = false;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var context = event.getServletContext();
        if (app == null) {
            try {
                var settings = ContainerSettings.from(context);
                app = App.create(settings);
                app.info().put("server", context.getServerInfo());
                app.info().put("workerThreads", settings.workers() == Modes.Workers.VIRTUAL
                        ? "virtual" : Integer.toString(settings.threads()));
            } catch (SettingsException e) {
                // One line, as every target says it; Jetty then fails the deployment (throwUnavailableOnStartupException).
                System.err.println("benchtarget-jetty: " + e.getMessage());
                throw e;
            }
        }
        var servlet = context.addServlet("benchtarget", new AppServlet(app));
        servlet.addMapping("/");
        servlet.setLoadOnStartup(1);
        servlet.setAsyncSupported(true); // /delay, /stream, /events answer from the fixture timer (AsyncResponder)
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (ownsApp && app != null) {
            app.close();
            app = null;
        }
    }
}
