package org.benchtarget.undertow;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import org.benchtarget.core.App;
import org.benchtarget.core.web.Responder;
import org.benchtarget.core.web.WebResult;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An app-core {@link Responder} over a dispatched exchange (dispatched to no executor, so it holds no thread): every
 * call, from the fixture timer, runs on the exchange's IO thread, and writes without blocking. A chunk that does not
 * fit the socket at once is finished by a write listener; closing the connection (the client hung up, or a write
 * failed) tells the app it is gone. Confined to the IO thread after construction.
 */
final class ExchangeResponder implements Responder {
    private static final AttachmentKey<Watch> WATCH = AttachmentKey.create(Watch.class);

    private final HttpServerExchange exchange;
    private final App app;
    private StreamSinkChannel channel;

    ExchangeResponder(HttpServerExchange exchange, App app) {
        this.exchange = exchange;
        this.app = app;
    }

    @Override
    public void complete(WebResult result) {
        onIoThread(() -> ResultWriter.write(exchange, result, app.serverHeader(), app.httpDate(), app.settings().keepalive()));
    }

    @Override
    public void begin(WebResult head) {
        onIoThread(() -> {
            ResultWriter.head(exchange, head, app.serverHeader(), app.httpDate(), app.settings().keepalive());
            channel = exchange.getResponseChannel(); // no Content-Length: chunked on HTTP/1.1
        });
    }

    @Override
    public void write(byte[] chunk, Runnable written) {
        onIoThread(() -> {
            var buffer = ByteBuffer.wrap(chunk);
            try {
                if (flushed(buffer)) {
                    written.run();
                    return;
                }
                channel.getWriteSetter().set(ready -> {
                    try {
                        if (flushed(buffer)) {
                            ready.suspendWrites();
                            written.run();
                        }
                    } catch (IOException e) {
                        IoUtils.safeClose(exchange.getConnection());
                    }
                });
                channel.resumeWrites();
            } catch (IOException e) {
                IoUtils.safeClose(exchange.getConnection()); // its close listener reports the client gone
            }
        });
    }

    /** Writes what the socket takes of {@code buffer}; returns true once all of it is written and flushed. */
    private boolean flushed(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
                return false;
            }
        }
        return channel.flush();
    }

    @Override
    public void end() {
        onIoThread(exchange::endExchange);
    }

    @Override
    public void onGone(Runnable listener) {
        onIoThread(() -> {
            var connection = exchange.getConnection();
            if (!connection.isOpen()) {
                listener.run();
                return;
            }
            // One close listener per connection, pointed at its current exchange: a listener per request would pile
            // up on a keep-alive connection (Undertow never removes them).
            var watch = connection.getAttachment(WATCH);
            if (watch == null) {
                var made = new Watch();
                connection.putAttachment(WATCH, made);
                connection.addCloseListener(closed -> made.closed());
                watch = made;
            }
            watch.current = listener;
            var current = watch;
            var restore = HangUpWatch.start(exchange);
            exchange.addExchangeCompleteListener((done, next) -> {
                if (current.current == listener) {
                    current.current = null;
                }
                restore.run();
                next.proceed();
            });
        });
    }

    /** The gone listener of a connection's current asynchronous exchange. Confined to its IO thread. */
    private static final class Watch {
        private Runnable current;

        void closed() {
            var listener = current;
            current = null;
            if (listener != null) {
                listener.run();
            }
        }
    }

    private void onIoThread(Runnable task) {
        if (exchange.getIoThread() == Thread.currentThread()) {
            task.run();
        } else {
            exchange.getIoThread().execute(task);
        }
    }
}
