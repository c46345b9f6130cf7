package org.patchgap.formats.windows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;

/**
 * The output of {@code wmic qfe} (Win32_QuickFixEngineering) in its three layouts: the default table (columns
 * padded with spaces, located by the header), {@code wmic qfe list full} ({@code Name=value} lines, records
 * separated by blank lines) and {@code wmic qfe list /format:csv} (a blank line, then {@code Node,Caption,...}).
 * Property names are WMI's and do not depend on the display language. Updates only: the product comes from
 * another export of the same host ({@code systeminfo}, {@code Get-ComputerInfo}), joined by host name.
 */
public final class WmicQfeReader implements InventoryReader {

    private static final String HOTFIX_ID = "HotFixID";
    private static final Pattern COLUMN = Pattern.compile("\\S+");

    private enum Layout { TABLE, LIST, CSV }

    @Override
    public String name() {
        return "windows-wmic-qfe";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        String text = WindowsText.decodeHead(head);
        // Every layout names the HotFixID column or field in the head: one scan rules out almost every file.
        return text.contains(HOTFIX_ID) && layout(withoutInstallNotice(text)).isPresent();
    }

    private static Optional<Layout> layout(String text) {
        // Only the first non-blank line decides.
        for (String line : (Iterable<String>) WindowsText.nonBlankLines(text).limit(1)::iterator) {
            if (line.startsWith("Node,") && line.contains("," + HOTFIX_ID)) return Optional.of(Layout.CSV);
            if (line.contains("=")) {
                // list full: the first record's lines are Name=value; HotFixID is among the first dozen.
                return text.contains("\n" + HOTFIX_ID + "=") || text.startsWith(HOTFIX_ID + "=")
                        ? Optional.of(Layout.LIST) : Optional.empty();
            }
            List<String> columns = COLUMN.matcher(line).results().map(m -> m.group()).toList();
            return columns.contains(HOTFIX_ID) && (columns.size() == 1 || line.contains(HOTFIX_ID + " "))
                    && columns.stream().allMatch(c -> c.matches("[A-Za-z]+"))
                    ? Optional.of(Layout.TABLE) : Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        String text = withoutInstallNotice(WindowsText.read(file));
        Layout layout = layout(text).orElseThrow(() -> new BadInputException(Location.of(file.toString()),
                "not wmic qfe output (expected a table, 'list full' or '/format:csv' output with a HotFixID column)"));
        List<String> lines = WindowsText.lines(text);
        List<Problem> problems = new ArrayList<>();
        List<Map<String, String>> records = switch (layout) {
            case TABLE -> table(file, lines, problems);
            case LIST -> list(lines);
            case CSV -> csv(file, lines, problems);
        };
        Map<String, HostBuilder> hosts = new LinkedHashMap<>();
        for (Map<String, String> r : records) {
            String host = HostBuilder.blankToNull(r.getOrDefault("CSName", r.get("Node")));
            String key = host == null ? "" : host.toLowerCase(Locale.ROOT);
            HostBuilder h = hosts.computeIfAbsent(key, k -> new HostBuilder(host));
            String id = r.get(HOTFIX_ID);
            if (id != null && !id.isBlank() && !h.addUpdate(id)) {
                // "File 1" and Q-numbered entries of old systems are not KB updates.
                problems.add(new Problem(new Location(file.toString(), r.get(LINE)), "not a KB update id, ignored: '" + id + "'"));
            }
        }
        return new ReadResult<>(hosts.values().stream().map(h -> h.build(file)).toList(), problems);
    }

    /**
     * The first run of {@code wmic} on a machine prints {@code Please wait while WMIC is being installed.} before its
     * output (and redirected output keeps it). The notice is blanked, not removed, so that line numbers stay those of
     * the file.
     */
    static String withoutInstallNotice(String text) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\uFEFF' || Character.isWhitespace(text.charAt(start)))) start++;
        String notice = "Please wait while WMIC is being installed";
        if (!text.regionMatches(true, start, notice, 0, notice.length())) return text;
        int end = text.indexOf('\n', start);
        if (end < 0) return "";
        String blank = text.substring(start, end).replaceAll("[^\r]", " ");
        return text.substring(0, start) + blank + text.substring(end);
    }

    /** A key no wmic column can have: the 1-based line of the record, so that a problem about it names it. */
    private static final String LINE = "\u0000line";

    private static List<Map<String, String>> table(Path file, List<String> lines, List<Problem> problems) {
        List<Map<String, String>> out = new ArrayList<>();
        List<String> names = null;
        List<Integer> starts = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            if (names == null) {
                names = new ArrayList<>();
                starts = new ArrayList<>();
                Matcher m = COLUMN.matcher(line);
                while (m.find()) {
                    names.add(m.group());
                    starts.add(m.start());
                }
                continue;
            }
            Map<String, String> r = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                int from = starts.get(c);
                int to = c + 1 < names.size() ? starts.get(c + 1) : line.length();
                r.put(names.get(c), from >= line.length() ? "" : line.substring(from, Math.min(to, line.length())).strip());
            }
            if (r.getOrDefault(HOTFIX_ID, "").isEmpty()) {
                problems.add(new Problem(new Location(file.toString(), "line " + (i + 1)),
                        "no HotFixID under its column; row skipped"));
                continue;
            }
            r.put(LINE, "line " + (i + 1));
            out.add(r);
        }
        return out;
    }

    private static List<Map<String, String>> list(List<String> lines) {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> r = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int eq = line.indexOf('=');
            if (line.isBlank() || eq < 0) {
                if (!r.isEmpty()) out.add(r);
                r = new LinkedHashMap<>();
                continue;
            }
            String name = line.substring(0, eq).strip();
            r.put(name, line.substring(eq + 1).strip());
            if (name.equals(HOTFIX_ID)) r.put(LINE, "line " + (i + 1));
        }
        if (!r.isEmpty()) out.add(r);
        return out;
    }

    private static List<Map<String, String>> csv(Path file, List<String> lines, List<Problem> problems) {
        List<Map<String, String>> out = new ArrayList<>();
        List<String> header = null;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            Optional<List<String>> fields = Csv.fields(lines.get(i));
            if (header == null) {
                header = fields.orElse(List.of());
                continue;
            }
            if (fields.isEmpty() || fields.get().size() != header.size()) {
                problems.add(new Problem(new Location(file.toString(), "line " + (i + 1)),
                        "expected " + header.size() + " CSV fields like the header; row skipped"));
                continue;
            }
            Map<String, String> r = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) r.put(header.get(c), fields.get().get(c));
            r.put(LINE, "line " + (i + 1));
            out.add(r);
        }
        return out;
    }
}
