package org.patchgap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code patchgap} command; it only dispatches to its subcommands. */
@Command(
        name = "patchgap",
        mixinStandardHelpOptions = true,
        versionProvider = PatchgapCommand.Version.class,
        description = "Tells which applications and hosts are exposed to known vulnerabilities, and which fix removes each exposure.",
        subcommands = {ScanCommand.class, InventoryCommand.class, VersionCommand.class, org.patchgap.cli.db.DbCommand.class, org.patchgap.cli.advisories.AdvisoriesCommand.class},
        footer = {"", "Exit codes: 0 nothing at or above the threshold (or success), 1 findings at or above it, 2 usage or input error.",
                "The fleet server is started by the launcher: 'patchgap serve [OPTIONS]', 'patchgap demo' (docs/server.md).",
                "Documentation: docs/cli.md"})
final class PatchgapCommand implements Callable<Integer> {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error (also: environment PATCHGAP_DEBUG=1).")
    boolean debug;

    @Override
    public Integer call() throws UsageException {
        throw new UsageException("no command given; commands: scan, inventory, version, db, advisories (see 'patchgap --help')");
    }

    /** The version Maven wrote into {@code version.properties} when it built the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = PatchgapCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) properties.load(in);
            }
            return new String[] {"patchgap " + properties.getProperty("version", "unknown")};
        }
    }
}
