package org.patchgap.formats.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.core.windows.WindowsBuild;
import org.patchgap.formats.InventoryReader;

/**
 * osquery's Windows tables {@code patches} ({@code hotfix_id}, {@code csname}) and {@code os_version}
 * ({@code name}, {@code version}, {@code build}, {@code arch}, {@code platform}, and {@code revision} where the
 * osquery version has it), optionally {@code system_info} ({@code hostname}), in the two shapes osquery writes:
 * {@code osqueryi --json} (one array of rows, every value a string; rows of several tables or of a join) and the
 * osqueryd results log (one JSON object a line with {@code hostIdentifier} and a {@code snapshot} array or a
 * {@code columns} object). Other hosts' rows (Linux {@code os_version}) are left to other readers.
 */
public final class OsqueryWindowsReader implements InventoryReader {

    @Override
    public String name() {
        return "osquery-windows";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        String text = WindowsText.decodeHead(head);
        String t = text.stripLeading();
        if (!(t.startsWith("[") || t.startsWith("{"))) return false;
        return text.contains("\"hotfix_id\"") || (text.contains("\"platform\"") && text.contains("\"windows\""));
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        String text = WindowsText.read(file);
        String t = text.stripLeading();
        Map<String, HostBuilder> hosts = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (t.startsWith("[")) {
            JsonNode root = Json.parse(file, text, "osqueryi --json output (an array of rows)");
            rows(file, root, "", null, hosts, problems);
        } else {
            // osqueryd results log: one JSON object a line.
            List<String> lines = WindowsText.lines(text);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) continue;
                JsonNode record;
                try {
                    record = Json.MAPPER.readTree(line);
                } catch (Exception e) {
                    problems.add(new Problem(new Location(file.toString(), "line " + (i + 1)), "not a JSON object; skipped"));
                    continue;
                }
                String host = Json.text(record, "hostIdentifier");
                String place = "line " + (i + 1);
                if (record.has("snapshot")) {
                    rows(file, record.get("snapshot"), place, host, hosts, problems);
                } else if (record.has("columns")) {
                    if (!"removed".equals(Json.text(record, "action"))) {
                        row(file, record.get("columns"), place, host, hosts, problems);
                    }
                } else {
                    problems.add(new Problem(new Location(file.toString(), place), "expected 'snapshot' or 'columns'; skipped"));
                }
            }
        }
        // Rows without any host name (os_version has none) belong to the one named host of the file, if one.
        HostBuilder unnamed = hosts.remove("");
        if (unnamed != null) {
            if (hosts.size() == 1) {
                absorb(hosts.values().iterator().next(), unnamed);
            } else {
                hosts.put("", unnamed);
            }
        }
        List<Target> targets = hosts.values().stream().filter(h -> h.osName != null || !h.updates.isEmpty())
                .map(h -> h.build(file)).toList();
        if (targets.isEmpty()) {
            throw new BadInputException(Location.of(file.toString()),
                    "no Windows rows (expected rows of osquery's patches or os_version tables)");
        }
        return new ReadResult<>(targets, problems);
    }

    private static void rows(Path file, JsonNode rows, String place, @Nullable String host, Map<String, HostBuilder> hosts,
            List<Problem> problems) throws BadInputException {
        if (!rows.isArray()) {
            throw new BadInputException(new Location(file.toString(), place.isEmpty() ? "/" : place), "expected an array of rows");
        }
        for (int i = 0; i < rows.size(); i++) {
            row(file, rows.get(i), place.isEmpty() ? "/" + i : place + " /snapshot/" + i, host, hosts, problems);
        }
    }

    private static void row(Path file, JsonNode row, String place, @Nullable String hostId, Map<String, HostBuilder> hosts,
            List<Problem> problems) {
        if (!row.isObject()) {
            problems.add(new Problem(new Location(file.toString(), place), "expected a row object; skipped"));
            return;
        }
        String name = hostId != null ? hostId : first(row, "csname", "hostname", "computer_name");
        String key = name == null ? "" : name.toLowerCase(Locale.ROOT);
        String platform = Json.text(row, "platform");
        boolean osRow = platform != null && platform.equalsIgnoreCase("windows");
        boolean patchRow = row.has("hotfix_id");
        if (!osRow && !patchRow) {
            if (platform != null) return; // another operating system's os_version
            if (name != null) hosts.computeIfAbsent(key, k -> new HostBuilder(name));
            return;
        }
        HostBuilder h = hosts.computeIfAbsent(key, k -> new HostBuilder(name));
        if (patchRow) {
            String id = Json.text(row, "hotfix_id");
            if (id != null && !h.addUpdate(id)) {
                problems.add(new Problem(new Location(file.toString(), place + "/hotfix_id"), "not a KB update id, ignored: '" + id + "'"));
            }
        }
        if (osRow) {
            h.osName = Json.text(row, "name");
            h.osVersion = Json.text(row, "version");
            h.architecture = Json.text(row, "arch");
            WindowsBuild base = WindowsBuild.parse(h.osVersion).orElse(null);
            String revision = Json.text(row, "revision");
            h.build = base == null ? h.osVersion
                    : revision != null && revision.matches("\\d+") && !revision.equals("0")
                            ? base.withRevision(Integer.parseInt(revision)).toString() : base.toString();
            String sp = first(row, "service_pack", "csd_version");
            if (sp != null) h.servicePack = sp;
        }
    }

    private static void absorb(HostBuilder into, HostBuilder from) {
        if (into.osName == null) {
            into.osName = from.osName;
            into.osVersion = from.osVersion;
            into.build = from.build;
            into.architecture = from.architecture;
            into.servicePack = from.servicePack;
        }
        into.updates.addAll(from.updates);
    }

    private static @Nullable String first(JsonNode row, String... fields) {
        for (String f : fields) {
            String v = Json.text(row, f);
            if (v != null) return v;
        }
        return null;
    }
}
