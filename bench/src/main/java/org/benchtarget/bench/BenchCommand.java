package org.benchtarget.bench;

import org.benchtarget.bench.cluster.ClusterCommand;
import org.benchtarget.core.config.SettingsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bench}: the command line of benchtarget. {@code --help} and {@code --version} on every command (inherited). */
@Command(name = "bench", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = BenchCommand.Version.class,
        description = "Reference benchmark targets: serve a profile, verify a target, list profiles, reset data, run experiments.",
        subcommands = {ServeCommand.class, VerifyCommand.class, ProfilesCommand.class, DbCommand.class, SurveysCommand.class,
                TokenCommand.class, RunCommand.class, CompareCommand.class, MergeCommand.class,
                LbCommand.class, ClusterCommand.class, SoakCommand.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line; a knob or profile problem prints one line and exits 2. */
    public static int execute(String... args) {
        var commandLine = new CommandLine(new BenchCommand());
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            if (error instanceof SettingsException || error instanceof BenchException) {
                line.getErr().println("bench: " + error.getMessage());
                return 2;
            }
            throw error;
        });
        return commandLine.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var version = BenchCommand.class.getPackage().getImplementationVersion();
            return new String[]{"benchtarget " + (version == null ? "(development build)" : version)};
        }
    }
}
