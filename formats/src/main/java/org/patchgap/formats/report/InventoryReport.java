package org.patchgap.formats.report;

import java.util.List;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.Target;

/** What a scan would see: the targets read from the inventories, and what was skipped on the way. */
public record InventoryReport(List<Target> targets, List<Problem> problems) {

    public InventoryReport {
        targets = List.copyOf(targets);
        problems = List.copyOf(problems);
    }
}
