package org.patchgap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code patchgap version compare|sort}: an ecosystem's version order, as the matcher uses it. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Compare or sort versions in an ecosystem's own order.",
        subcommands = {VersionCompareCommand.class, VersionSortCommand.class, VersionSatisfiesCommand.class})
final class VersionCommand implements Callable<Integer> {

    @Override
    public Integer call() throws UsageException {
        throw new UsageException("version: give a subcommand: compare, sort or satisfies (see 'patchgap version --help')");
    }
}
