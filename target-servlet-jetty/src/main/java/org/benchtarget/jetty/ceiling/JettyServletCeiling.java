package org.benchtarget.jetty.ceiling;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.benchtarget.core.TargetLauncher;
import org.benchtarget.core.ceiling.CeilingSettings;
import org.benchtarget.core.ceiling.RandomRow;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.hello.Hello;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * {@code java -cp benchtarget-jetty.jar org.benchtarget.jetty.ceiling.JettyServletCeiling ceiling-jetty-servlet [--set ...]}:
 * the bare Jetty 12 ee11 Servlet server the jetty targets are measured against. One {@code HttpServlet} on a
 * QueuedThreadPool of {@code threads}: {@code /hello} the ctime, {@code /db} one prepared query, else 404. No app.
 */
public final class JettyServletCeiling {
    private static final String TEXT = "text/plain; charset=utf-8";

    private JettyServletCeiling() {
    }

    public static void main(String[] args) {
        TargetLauncher.run("ceiling-jetty-servlet", args, () -> {
            var server = start(CeilingSettings.parse("jetty", Workers.THREADS, List.of(args), System.getenv()));
            return new TargetLauncher.Running(server.port(), server);
        });
    }

    static CeilingServer start(Settings settings) throws Exception {
        return CeilingServer.start(settings, dataSource -> {
            var context = new ServletContextHandler("/");
            context.addServlet(new ServletHolder(new CeilingServlet(dataSource)), "/");
            return context;
        });
    }

    private static final class CeilingServlet extends HttpServlet {
        private final transient Hello hello = new Hello(Clock.systemDefaultZone());
        private final transient RandomRow rows;

        CeilingServlet(DataSource dataSource) {
            this.rows = new RandomRow(dataSource);
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            switch (request.getRequestURI()) {
                case "/hello" -> send(response, hello.body());
                case "/db" -> {
                    try {
                        send(response, rows.read());
                    } catch (SQLException e) {
                        throw new IOException(e);
                    }
                }
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        }

        private static void send(HttpServletResponse response, byte[] body) throws IOException {
            response.setContentType(TEXT);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
