package org.patchgap.cli.advisories;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code patchgap advisories}: fetches advisory documents that are read as files rather than imported into the
 * database ({@code patchgap scan --advisories DIR}). Its one source so far is Microsoft's Security Update Guide.
 */
@Command(name = "advisories", mixinStandardHelpOptions = true,
        description = "Download advisory documents into a directory for 'patchgap scan --advisories DIR'.",
        subcommands = {MsrcCommand.class})
public final class AdvisoriesCommand implements Callable<Integer> {

    @Spec
    @Nullable CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println(
                "patchgap: advisories: give a subcommand: msrc (see 'patchgap advisories --help')");
        return MsrcCommand.ERROR;
    }
}
