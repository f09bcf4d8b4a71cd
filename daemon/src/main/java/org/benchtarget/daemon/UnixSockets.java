package org.benchtarget.daemon;

import org.benchtarget.core.config.Modes.BackendKind;
import org.benchtarget.core.config.Modes.FrontKind;
import org.benchtarget.core.config.Modes.ProxyKind;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.SettingsException;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code proxy=uds}: the backends listen on Unix domain sockets in a private directory (one per daemon, removed at
 * stop) and the front connects to them there. A backend is then named {@code unix:/dir/b1.sock}. Stateless.
 */
final class UnixSockets {
    private UnixSockets() {
    }

    /** Stops with one line when {@code proxy=uds} is asked of pieces that cannot do it, before anything starts. */
    static void check(Settings settings) {
        var daemon = settings.daemon();
        if (daemon.proxy() != ProxyKind.UDS) {
            return;
        }
        if (daemon.backend() != BackendKind.JETTY) {
            throw new SettingsException("proxy=uds: backend=" + daemon.backend().knobValue()
                    + " cannot listen on a Unix socket (Undertow's XNIO has no Unix-socket listener); use backend=jetty");
        }
        if (daemon.front() == FrontKind.UNDERTOW) {
            throw new SettingsException("proxy=uds: front=undertow cannot connect to a Unix socket (Undertow's XNIO cannot); use front=jetty, nginx or haproxy");
        }
    }

    /** Creates the private directory: only this user may list it; the front's workers (nobody, under root) may pass. */
    static Path directory() throws IOException {
        var dir = Files.createTempDirectory("benchtarget-uds-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        return dir;
    }

    static boolean isUnix(URI backend) {
        return "unix".equals(backend.getScheme());
    }

    static Path path(URI backend) {
        return Path.of(backend.getPath());
    }

    /**
     * A socket the backend made is writable by its owner only: a front's worker running as nobody (nginx under root)
     * could not connect. It is opened as the loopback port of proxy=http is.
     */
    static void openToFront(Path socket) throws IOException {
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
    }

    /** Returns the status of {@code GET path} over the socket (one request, Connection: close). */
    static int status(Path socket, String path) throws IOException {
        try (var channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            var head = ByteBuffer.allocate(64);
            while (head.hasRemaining() && channel.read(head) > 0) {
                if (new String(head.array(), 0, head.position(), StandardCharsets.US_ASCII).contains("\r\n")) {
                    break;
                }
            }
            var line = new String(head.array(), 0, head.position(), StandardCharsets.US_ASCII);
            if (!line.startsWith("HTTP/1.1 ") || line.length() < 12) {
                throw new IOException("not an HTTP answer on " + socket + ": " + line.strip());
            }
            return Integer.parseInt(line.substring(9, 12));
        }
    }

    /** Removes the directory and any socket left in it (a backend killed does not remove its own). */
    static void remove(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.out.println("benchtarget-daemon: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
