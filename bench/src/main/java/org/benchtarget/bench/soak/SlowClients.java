package org.benchtarget.bench.soak;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Slow clients, slowhttptest's three attacks, each alone: N connections sending a body a few bytes at a time
 * (R.U.D.Y., {@code slowhttptest -B}), N trickling their request heads (slowloris, {@code -H}), N reading pipelined
 * answers a few bytes at a time through a 1 KiB receive window ({@code -X}). A connection the target closes or
 * answers is opened again, so N stay at it for the whole hold. Meanwhile one client asks for /hello and one for /db
 * every 100 ms. A row passes when every probe answered 200 and their p99 is within the sizes' bound.
 * <p>
 * Every connection is a blocking socket driven from the calling thread, a few bytes per socket per tick, so
 * 1,000 of them cost one thread here. Not thread-safe: one run at a time.
 */
public final class SlowClients implements SoakTest {
    static final List<String> PROBED = List.of("/hello", "/db");
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    /** One attack: what each connection sends first, and what it does each tick. */
    enum Attack {
        BODIES("slow bodies", "POST /login, Content-Length 8192, 5 bytes a second"),
        HEADS("slowloris", "GET /hello, a header line a second, never ending"),
        READS("slow reads", "3 pipelined GET /, 32 bytes read a second, 1 KiB window");

        final String test;
        final String load;

        Attack(String test, String load) {
            this.test = test;
            this.load = load;
        }

        String opening() {
            return switch (this) {
                case BODIES -> "POST /login HTTP/1.1\r\nHost: soak\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 8192\r\n\r\ncsrf=";
                case HEADS -> "GET /hello HTTP/1.1\r\nHost: soak\r\n";
                case READS -> "GET / HTTP/1.1\r\nHost: soak\r\n\r\n".repeat(3);
            };
        }
    }

    @Override
    public String name() {
        return "slow clients";
    }

    @Override
    public List<SoakRow> run(SoakTarget target) throws Exception {
        return rows(target.base(), target.sizes());
    }

    /** Runs each attack against any running target (also one a test started in-process); a row each. */
    public static List<SoakRow> rows(URI base, SoakSizes sizes) throws Exception {
        var rows = new ArrayList<SoakRow>();
        for (var attack : Attack.values()) {
            rows.add(row(base, attack, sizes.slow()));
        }
        return rows;
    }

    static SoakRow row(URI base, Attack attack, SoakSizes.Slow sizes) throws Exception {
        var address = new InetSocketAddress(base.getHost(), base.getPort());
        try (var probes = new ProbeLoad(base, PROBE_TIMEOUT); var attackers = new Attackers(address, attack, sizes.connections())) {
            // the probes are judged on a warm target, once the attack's opening burst (3,000 pipelined pages for
            // the slow readers) has been taken in: the hold measures slow clients, not a cold JIT or a burst
            probes.phase("warm-up");
            for (var path : PROBED) {
                probes.clients(path, 1, 0);
            }
            Thread.sleep(WARM_UP.toMillis());
            probes.phase("opening");
            attackers.openAll();
            attackers.tick();
            Thread.sleep(TICK.toMillis());
            probes.phase("during");
            long end = System.nanoTime() + sizes.hold().toNanos();
            while (System.nanoTime() < end) {
                long next = System.nanoTime() + TICK.toNanos();
                attackers.tick();
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
            probes.phase("after");
            return judge(attack, sizes, probes, attackers);
        }
    }

    private static SoakRow judge(Attack attack, SoakSizes.Slow sizes, ProbeLoad probes, Attackers attackers) {
        long answered = 0;
        long failed = 0;
        long p99Micros = 0;
        var detail = new StringBuilder();
        for (var path : PROBED) {
            var tally = probes.tally("during", path);
            answered += tally.total();
            failed += tally.total() - tally.ok.get();
            p99Micros = Math.max(p99Micros, tally.latency.getTotalCount() == 0 ? 0 : tally.latency.getValueAtPercentile(99));
            detail.append(path).append(": ").append(tally).append(", p99 ")
                    .append(tally.latency.getTotalCount() == 0 ? "-" : tally.latency.getValueAtPercentile(99) / 1000 + " ms").append("; ");
        }
        boolean quick = p99Micros <= sizes.probeP99().toNanos() / 1000;
        boolean passed = answered > 0 && failed == 0 && quick && attackers.peakOpen() == sizes.connections();
        detail.append(attackers.summary());
        if (!quick) {
            detail.append("; probe p99 over ").append(sizes.probeP99().toMillis()).append(" ms");
        }
        return new SoakRow(attack.test, String.format("%,d connections x %d s: %s", sizes.connections(), sizes.hold().toSeconds(), attack.load),
                "-", answered, failed, -1, passed, detail.toString());
    }

    /** The attacking connections, each a blocking socket written to or read from a few bytes at a time. */
    private static final class Attackers implements AutoCloseable {
        private static final byte[] BODY_BYTES = "a=bc&".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] HEADER_LINE = "X-Slow: a\r\n".getBytes(StandardCharsets.US_ASCII);
        private static final int READ_BYTES = 32;
        private static final int WINDOW_BYTES = 1024;
        /** Ticks without a byte to read after which a slow reader has had all its answers (or was closed): reopen. */
        private static final int IDLE_TICKS = 3;

        private final InetSocketAddress address;
        private final Attack attack;
        private final Socket[] sockets;
        private final int[] idleTicks;
        private final byte[] readBuffer = new byte[READ_BYTES];
        private long reopened;
        private long refused;
        private int peakOpen;

        Attackers(InetSocketAddress address, Attack attack, int connections) {
            this.address = address;
            this.attack = attack;
            this.sockets = new Socket[connections];
            this.idleTicks = new int[connections];
        }

        void openAll() {
            for (int i = 0; i < sockets.length; i++) {
                sockets[i] = open();
            }
            peakOpen = openCount();
        }

        private Socket open() {
            var socket = new Socket();
            try {
                if (attack == Attack.READS) {
                    socket.setReceiveBufferSize(WINDOW_BYTES); // before connect: the window is agreed then
                }
                socket.connect(address, 5_000);
                socket.getOutputStream().write(attack.opening().getBytes(StandardCharsets.US_ASCII));
                return socket;
            } catch (IOException e) {
                refused++;
                closeQuietly(socket);
                return null;
            }
        }

        private int openCount() {
            int open = 0;
            for (var socket : sockets) {
                if (socket != null) {
                    open++;
                }
            }
            return open;
        }

        /** One step on every connection; one the target answered or closed is replaced by a new one. */
        void tick() {
            for (int i = 0; i < sockets.length; i++) {
                if (sockets[i] == null || !step(i)) {
                    closeQuietly(sockets[i]);
                    sockets[i] = open();
                    idleTicks[i] = 0;
                    reopened++;
                }
            }
            peakOpen = Math.max(peakOpen, openCount());
        }

        /** Returns false when the connection is done: answered (a writer got an answer) or closed. */
        private boolean step(int i) {
            var socket = sockets[i];
            try {
                InputStream in = socket.getInputStream();
                switch (attack) {
                    case BODIES, HEADS -> {
                        if (in.available() > 0) {
                            return false; // an answer (408, 431, 400): the target cut it off
                        }
                        socket.getOutputStream().write(attack == Attack.BODIES ? BODY_BYTES : HEADER_LINE);
                    }
                    case READS -> {
                        int available = in.available();
                        if (available == 0) {
                            return ++idleTicks[i] < IDLE_TICKS;
                        }
                        idleTicks[i] = 0;
                        return in.read(readBuffer, 0, Math.min(available, READ_BYTES)) > 0;
                    }
                }
                return true;
            } catch (IOException e) {
                return false; // closed or reset by the target
            }
        }

        int peakOpen() {
            return peakOpen;
        }

        String summary() {
            return String.format("attack: %d open at the peak, %d reopened after the target answered or closed them, %d refused",
                    peakOpen, reopened, refused);
        }

        @Override
        public void close() {
            for (var socket : sockets) {
                closeQuietly(socket);
            }
        }

        private static void closeQuietly(Socket socket) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing: nothing to do
                }
            }
        }
    }
}
