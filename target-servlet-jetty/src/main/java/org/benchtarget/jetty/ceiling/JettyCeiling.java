package org.benchtarget.jetty.ceiling;

import org.benchtarget.core.TargetLauncher;
import org.benchtarget.core.ceiling.CeilingSettings;
import org.benchtarget.core.ceiling.RandomRow;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.hello.Hello;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;

/**
 * {@code java -cp benchtarget-jetty.jar org.benchtarget.jetty.ceiling.JettyCeiling ceiling-jetty [--set ...]}: the bare
 * Jetty 12 core server. One {@code Handler.Abstract.NonBlocking}: {@code /hello} answers the ctime where Jetty calls
 * it (a selector thread when it can), {@code /db} runs one prepared query on Jetty's pool, anything else is Jetty's
 * 404. No Servlet layer, no app.
 */
public final class JettyCeiling {
    private static final String TEXT = "text/plain; charset=utf-8";

    private JettyCeiling() {
    }

    public static void main(String[] args) {
        TargetLauncher.run("ceiling-jetty", args, () -> {
            var server = start(CeilingSettings.parse("jetty", Workers.NIO, List.of(args), System.getenv()));
            return new TargetLauncher.Running(server.port(), server);
        });
    }

    static CeilingServer start(Settings settings) throws Exception {
        return CeilingServer.start(settings, Routes::new);
    }

    private static final class Routes extends Handler.Abstract.NonBlocking {
        private final Hello hello = new Hello(Clock.systemDefaultZone());
        private final RandomRow rows;

        Routes(DataSource dataSource) {
            this.rows = new RandomRow(dataSource);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            switch (Request.getPathInContext(request)) {
                case "/hello" -> send(response, hello.body(), callback);
                case "/db" -> getServer().getThreadPool().execute(() -> {
                    try {
                        send(response, rows.read(), callback);
                    } catch (Exception e) {
                        Response.writeError(request, response, callback, e);
                    }
                });
                default -> {
                    return false; // Jetty's 404
                }
            }
            return true;
        }

        private static void send(Response response, byte[] body, Callback callback) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, TEXT);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
