package org.benchtarget.bench.cluster;

import org.benchtarget.bench.BenchException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The database host's PostgreSQL: Debian's server binaries, a private cluster (initdb) owned by the
 * {@code postgres} user, listening on the host's address only, password (SCRAM) auth for the subnet, the
 * knobs' default user and password ({@code benchtarget}/{@code benchtarget}).
 */
final class Postgres {
    static final String USER = "benchtarget";

    private Postgres() {
    }

    /** Returns the newest {@code /usr/lib/postgresql/N/bin}, or stops with one line. */
    static Path binaries() {
        var root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var bin = versions.map(version -> version.resolve("bin"))
                        .filter(dir -> Files.isExecutable(dir.resolve("postgres")))
                        .max(Comparator.comparing(dir -> Integer.parseInt(dir.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (bin.isPresent()) {
                    return bin.get();
                }
            } catch (IOException e) {
                // fall through to the one-line error
            }
        }
        throw new BenchException("bench cluster needs PostgreSQL's server on the database host (apt-get install postgresql)");
    }

    static Process start(ClusterLayout.Host host, Path data, String subnet, Path log) throws IOException, InterruptedException {
        var bin = binaries();
        Files.createDirectories(data);
        chown(data);
        var password = data.resolve("pwfile");
        Files.writeString(password, USER + "\n");
        chown(password);
        run(asPostgres(bin.resolve("initdb").toString(), "-D", data.resolve("data").toString(), "-U", USER, "--pwfile=" + password,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync"));
        Files.writeString(data.resolve("data").resolve("pg_hba.conf"), "host all all " + subnet + " scram-sha-256\n",
                StandardOpenOption.APPEND);
        var command = asPostgres(bin.resolve("postgres").toString(), "-D", data.resolve("data").toString(),
                "-c", "listen_addresses=" + host.address(), "-p", Integer.toString(ClusterLayout.PG_PORT),
                "-c", "unix_socket_directories=" + data, "-c", "max_connections=200", "-c", "shared_buffers=64MB",
                // the proof's database lives only as long as the cluster: skip waiting for the disk on commit
                "-c", "synchronous_commit=off");
        return HostProcesses.start(host, command, log);
    }

    static void createDatabase(Path data) throws IOException, InterruptedException {
        run(asPostgres(binaries().resolve("createdb").toString(), "-h", data.toString(), "-p", Integer.toString(ClusterLayout.PG_PORT),
                "-U", USER, "benchtarget"));
    }

    private static List<String> asPostgres(String... command) {
        var full = new ArrayList<>(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
        full.addAll(List.of(command));
        return full;
    }

    private static void chown(Path path) throws IOException {
        var lookup = path.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(path, lookup.lookupPrincipalByName("postgres"));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).directory(Path.of("/").toFile()).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new BenchException(Path.of(command.get(5)).getFileName() + " failed: "
                    + output.strip().lines().reduce((a, b) -> b).orElse("exit " + process.exitValue()));
        }
        return output;
    }
}
