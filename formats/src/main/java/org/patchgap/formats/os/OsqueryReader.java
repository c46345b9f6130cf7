package org.patchgap.formats.os;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.HostFacts;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;
import org.patchgap.formats.support.Heads;
import org.patchgap.formats.support.Inputs;
import org.patchgap.formats.support.Purls;

/**
 * osquery results saved as JSON ({@code osqueryi --json "select * from deb_packages" > deb_packages.json}): one
 * host inventory. Two shapes are read: the array of rows of one query, whose table is told by its columns, and an
 * object keyed by table name ({@code {"os_version": [...], "deb_packages": [...]}}) as a collection script writes
 * it. Tables: {@code os_version} (the distribution, hence the ecosystem), {@code system_info} (the host name),
 * {@code deb_packages}, {@code rpm_packages}, {@code apk_packages}, {@code programs} (Windows; listed without an
 * ecosystem) and {@code patches} (Windows hotfix ids, as installed updates). Packages are named by their source
 * package where osquery reports it, as the distributions' advisories are.
 */
public final class OsqueryReader implements InventoryReader {

    private static final List<String> TABLES = List.of("os_version", "system_info", "deb_packages", "rpm_packages",
            "apk_packages", "programs", "patches");

    @Override
    public String name() {
        return "osquery-json";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        if (!Heads.lowerName(file).endsWith(".json")) {
            return false;
        }
        String text = Heads.text(head);
        if (text.contains("\"windows\"")) {
            return false; // Windows hosts are read by the Windows osquery reader
        }
        if (Heads.startsWith(head, '{')) {
            return TABLES.stream().anyMatch(t -> text.contains("\"" + t + "\""))
                    && (text.contains("\"deb_packages\"") || text.contains("\"rpm_packages\"")
                    || text.contains("\"apk_packages\"") || text.contains("\"os_version\""));
        }
        return Heads.startsWith(head, '[') && (isDebRow(text) || isRpmRow(text) || isOsVersionRow(text));
    }

    private static boolean isDebRow(String text) {
        return text.contains("\"revision\"") && text.contains("\"source\"") && text.contains("\"status\"")
                && text.contains("\"arch\"");
    }

    private static boolean isRpmRow(String text) {
        return text.contains("\"release\"") && text.contains("\"epoch\"") && text.contains("\"package_group\"");
    }

    private static boolean isOsVersionRow(String text) {
        return text.contains("\"platform\"") && text.contains("\"major\"") && text.contains("\"codename\"");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        JsonNode root = Inputs.json(file);
        Map<String, JsonNode> tables = new LinkedHashMap<>();
        Map<String, String> pointers = new HashMap<>();
        if (root.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (TABLES.contains(e.getKey())) {
                    if (!e.getValue().isArray()) {
                        throw Inputs.expected(file, "/" + e.getKey(), "an array of osquery rows");
                    }
                    tables.put(e.getKey(), e.getValue());
                    pointers.put(e.getKey(), "/" + e.getKey());
                }
            }
            if (tables.isEmpty()) {
                throw Inputs.expected(file, "", "osquery results keyed by table (os_version, deb_packages, ...)");
            }
        } else if (root.isArray()) {
            String table = tableOf(root);
            if (table == null) {
                throw Inputs.expected(file, "/0", "rows of os_version, deb_packages, rpm_packages or apk_packages");
            }
            tables.put(table, root);
            pointers.put(table, "");
        } else {
            throw Inputs.expected(file, "", "osquery JSON results (an array of rows or an object of tables)");
        }

        OsRelease release = null;
        String hostname = null;
        JsonNode osVersion = tables.get("os_version");
        if (osVersion != null && osVersion.size() > 0) {
            release = releaseOf(osVersion.get(0));
        }
        JsonNode systemInfo = tables.get("system_info");
        if (systemInfo != null && systemInfo.size() > 0) {
            hostname = Inputs.field(systemInfo.get(0), "hostname");
        }
        String ecosystem = release == null ? null : release.ecosystem();
        String distro = release == null ? null : release.distroQualifier();
        String source = file.toString();
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> updates = new ArrayList<>();
        for (Map.Entry<String, JsonNode> table : tables.entrySet()) {
            JsonNode rows = table.getValue();
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                Location location = new Location(source, pointers.get(table.getKey()) + "/" + i);
                if (!row.isObject()) {
                    problems.add(new Problem(location, "expected a row object; skipped"));
                    continue;
                }
                String name = Inputs.field(row, "name");
                String version = Inputs.field(row, "version");
                switch (table.getKey()) {
                    case "deb_packages" -> {
                        if (name == null || version == null) {
                            problems.add(new Problem(location, "deb row without name and version; skipped"));
                            break;
                        }
                        String status = Inputs.field(row, "status");
                        if (status != null && !status.isEmpty() && !status.endsWith(" installed")) {
                            break;
                        }
                        String src = blankToNull(Inputs.field(row, "source"));
                        components.add(new Component(ecosystem, src == null ? name : src, version,
                                Purls.of("deb", release == null ? "debian" : release.id(), name, version,
                                        qualifiers(Inputs.field(row, "arch"), distro, name.equals(src) ? null : src)), location));
                    }
                    case "rpm_packages" -> {
                        if (name == null || version == null) {
                            problems.add(new Problem(location, "rpm row without name and version; skipped"));
                            break;
                        }
                        String release1 = blankToNull(Inputs.field(row, "release"));
                        String epoch = blankToNull(Inputs.field(row, "epoch"));
                        boolean hasEpoch = epoch != null && !epoch.equals("0");
                        String vr = version + (release1 == null ? "" : "-" + release1);
                        String srpm = blankToNull(Inputs.field(row, "source"));
                        String src = RpmDbReader.sourceName(srpm);
                        String componentName = src == null ? name : src;
                        Map<String, @Nullable String> q = qualifiers(Inputs.field(row, "arch"), distro,
                                componentName.equals(name) ? null : srpm);
                        q.put("epoch", hasEpoch ? epoch : null);
                        components.add(new Component(ecosystem, componentName, (hasEpoch ? epoch + ":" : "") + vr,
                                release == null ? null : Purls.of("rpm", release.id(), name, vr, q), location));
                    }
                    case "apk_packages" -> {
                        if (name == null || version == null) {
                            problems.add(new Problem(location, "apk row without name and version; skipped"));
                            break;
                        }
                        String origin = blankToNull(Inputs.field(row, "origin"));
                        components.add(new Component(ecosystem, origin == null ? name : origin, version,
                                Purls.of("apk", release == null ? "alpine" : release.id(), name, version,
                                        qualifiers(Inputs.field(row, "arch"), distro, name.equals(origin) ? null : origin)), location));
                    }
                    case "programs" -> {
                        if (name != null) {
                            components.add(new Component(null, name, blankToNull(version), null, location));
                        }
                    }
                    case "patches" -> {
                        String id = blankToNull(Inputs.field(row, "hotfix_id"));
                        if (id != null) {
                            updates.add(id);
                        }
                    }
                    default -> { }
                }
            }
        }
        boolean osPackages = tables.containsKey("deb_packages") || tables.containsKey("rpm_packages")
                || tables.containsKey("apk_packages");
        if (ecosystem == null && osPackages && !components.isEmpty()) {
            problems.add(0, new Problem(Location.of(source), (release == null
                    ? "no os_version rows, the distribution is unknown"
                    : "distribution '" + release.id() + "' has no OSV ecosystem we match")
                    + "; packages listed, not matched"));
        }
        HostFacts facts = release == null && updates.isEmpty() ? null
                : new HostFacts(release == null ? null : release.get("NAME"),
                        release == null ? null : release.get("VERSION_ID"), null, null, null, updates, Map.of());
        String targetName = hostname != null ? hostname : release != null ? release.prettyName() : source;
        return new ReadResult<>(List.of(new Target(targetName, Target.Kind.HOST, source, components, facts)), problems);
    }

    private static @Nullable String tableOf(JsonNode rows) {
        if (rows.isEmpty() || !rows.get(0).isObject()) {
            return null;
        }
        JsonNode row = rows.get(0);
        if (row.has("platform") && row.has("major")) {
            return "os_version";
        }
        if (row.has("revision") && row.has("source") && row.has("status")) {
            return "deb_packages";
        }
        if (row.has("release") && row.has("epoch")) {
            return "rpm_packages";
        }
        return null;
    }

    /** os-release fields from an {@code os_version} row: platform is ID; VERSION_ID as os-release spells it. */
    private static OsRelease releaseOf(JsonNode row) {
        String platform = blankToNull(Inputs.field(row, "platform"));
        String version = Inputs.field(row, "version");
        String major = Inputs.field(row, "major");
        String minor = Inputs.field(row, "minor");
        Map<String, String> fields = new HashMap<>();
        if (platform != null) {
            fields.put("ID", platform.toLowerCase(Locale.ROOT));
        }
        String name = Inputs.field(row, "name");
        if (name != null) {
            fields.put("NAME", name);
            fields.put("PRETTY_NAME", version == null ? name : name + " " + version);
        }
        if (version != null) {
            fields.put("VERSION", version);
            // "22.04.3 LTS (Jammy Jellyfish)" -> 22.04 for Ubuntu; "12 (bookworm)" -> 12; "3.20.3" -> 3.20.3
            String first = version.split("\\s+")[0];
            if ("ubuntu".equals(fields.get("ID")) && major != null && minor != null) {
                try {
                    first = String.format(Locale.ROOT, "%d.%02d", Integer.parseInt(major), Integer.parseInt(minor));
                } catch (NumberFormatException e) {
                    // keep the version's first word
                }
            }
            fields.put("VERSION_ID", first);
        }
        return OsRelease.of(fields);
    }

    private static Map<String, @Nullable String> qualifiers(@Nullable String arch, @Nullable String distro,
            @Nullable String upstream) {
        Map<String, @Nullable String> q = new LinkedHashMap<>();
        q.put("arch", blankToNull(arch));
        q.put("distro", distro);
        q.put("upstream", upstream);
        return q;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
