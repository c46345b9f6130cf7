package org.patchgap.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.formats.report.InventoryJsonWriter;
import org.patchgap.formats.report.InventoryReport;
import org.patchgap.formats.report.InventoryTableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code patchgap inventory}: what a scan would see, each target with its components (and a host's facts). */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "List the targets and components read from inventories, as a scan would see them.")
final class InventoryCommand implements Callable<Integer> {

    private final Io io;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Mixin
    TargetOptions targetOptions = new TargetOptions();

    InventoryCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws BadInputException {
        TargetLoader.Loaded loaded = targetOptions.load();
        InventoryReport report = new InventoryReport(loaded.targets(), loaded.problems());
        ReportOutput.write(io, null, out -> {
            if (format == OutputFormat.JSON) {
                new InventoryJsonWriter().write(report, out);
            } else {
                out.write(new InventoryTableWriter().render(report).getBytes(StandardCharsets.UTF_8));
            }
        });
        Warnings.printInventory(io.err(), loaded.skippedComponents(), loaded.skippedFiles(), loaded.problems());
        return ExitCodes.OK;
    }
}
