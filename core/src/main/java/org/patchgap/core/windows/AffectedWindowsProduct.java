package org.patchgap.core.windows;

import java.util.List;
import java.util.Objects;
import org.patchgap.core.model.Severity;

/**
 * One product a vulnerability affects, with the updates that fix it there.
 *
 * @param name     the product as the advisory names it, e.g. {@code Windows 7 for x64-based Systems Service Pack 1}
 * @param product  the same, read into its parts
 * @param severity the severity the advisory gives for this product, or {@link Severity#UNKNOWN}
 * @param fixes    the fixing updates; empty when no fix exists
 */
public record AffectedWindowsProduct(String name, WindowsProduct product, Severity severity, List<WindowsFix> fixes) {

    public AffectedWindowsProduct {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(severity, "severity");
        fixes = List.copyOf(fixes);
    }
}
