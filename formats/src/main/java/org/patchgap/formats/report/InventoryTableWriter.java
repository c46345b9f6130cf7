package org.patchgap.formats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.HostFacts;
import org.patchgap.core.model.Target;

/** Renders an {@link InventoryReport} for a terminal: per target a heading, its host facts, and its components. */
public final class InventoryTableWriter {

    private static final List<String> HEADER = List.of("ECOSYSTEM", "NAME", "VERSION", "PURL", "LOCATION");

    /** The whole inventory as text, ending with a newline. */
    public String render(InventoryReport report) {
        StringBuilder out = new StringBuilder();
        int components = 0;
        for (Target target : report.targets()) {
            if (!out.isEmpty()) out.append('\n');
            out.append(target.name()).append(" (").append(target.kind().name().toLowerCase(Locale.ROOT))
                    .append(", from ").append(target.source()).append(")\n");
            if (target.host() != null) appendHost(out, target.host());
            List<List<String>> rows = new ArrayList<>();
            for (Component c : target.components()) {
                rows.add(List.of(orDash(c.ecosystem()), c.name(), orDash(c.version()), orDash(c.purl()), c.location().toString()));
            }
            components += rows.size();
            if (rows.isEmpty()) {
                out.append("  no components\n");
            } else {
                appendTable(out, rows);
            }
        }
        if (!out.isEmpty()) out.append('\n');
        out.append(report.targets().size()).append(report.targets().size() == 1 ? " target, " : " targets, ")
                .append(components).append(components == 1 ? " component.\n" : " components.\n");
        return out.toString();
    }

    private static void appendHost(StringBuilder out, HostFacts host) {
        appendFact(out, "os", host.osName());
        appendFact(out, "product", windowsProduct(host));
        appendFact(out, "release", host.osVersion());
        appendFact(out, "build", host.build());
        appendFact(out, "architecture", host.architecture());
        appendFact(out, "service pack", host.servicePack());
        if (!host.installedUpdates().isEmpty()) appendFact(out, "installed updates", String.join(" ", host.installedUpdates()));
        for (Map.Entry<String, String> setting : new TreeMap<>(host.configuration()).entrySet()) {
            appendFact(out, setting.getKey(), setting.getValue());
        }
    }

    private static void appendFact(StringBuilder out, String name, String value) {
        if (value != null) out.append("  ").append(name).append(": ").append(value).append('\n');
    }

    private static void appendTable(StringBuilder out, List<List<String>> rows) {
        int[] widths = new int[HEADER.size()];
        for (int c = 0; c < widths.length; c++) widths[c] = HEADER.get(c).length();
        for (List<String> row : rows) {
            for (int c = 0; c < widths.length; c++) widths[c] = Math.max(widths[c], row.get(c).length());
        }
        appendRow(out, HEADER, widths);
        for (List<String> row : rows) appendRow(out, row, widths);
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("  ");
        for (int c = 0; c < cells.size(); c++) {
            line.append(cells.get(c));
            if (c < cells.size() - 1) line.append(" ".repeat(widths[c] - cells.get(c).length() + 2));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /** The Microsoft advisory product a Windows host runs ({@code Windows 7 for x64-based Systems Service Pack 1}), or null. */
    static String windowsProduct(HostFacts host) {
        if (host.osName() == null || !host.osName().toLowerCase(java.util.Locale.ROOT).contains("windows")) return null;
        org.patchgap.core.windows.WindowsProduct product = org.patchgap.core.windows.WindowsProducts.ofHost(host).product();
        return product == null ? null : product.label();
    }
}
