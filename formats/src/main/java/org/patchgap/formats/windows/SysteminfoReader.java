package org.patchgap.formats.windows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The output of {@code systeminfo}, in its default list layout ({@code Label:   value}, values aligned in one
 * column, multi-line values such as the hotfix list continued on indented lines) and as {@code systeminfo /fo csv}
 * (a header row and one row per host, list values joined with commas inside one field). Several hosts may follow
 * one another ({@code systeminfo /s HOST}, appended). Labels are those of an English Windows; output of other
 * display languages is recognised by its shape and rejected, naming the file.
 */
public final class SysteminfoReader implements InventoryReader {

    static final String HOST_NAME = "Host Name";
    private static final String OS_NAME = "OS Name";
    private static final String OS_VERSION = "OS Version";
    private static final String SYSTEM_TYPE = "System Type";
    private static final String HOTFIXES = "Hotfix(s)";

    /** Every English label of systeminfo (XP to 11), longest first so "Virtual Memory: Max Size" wins over a prefix. */
    private static final List<String> LABELS = List.of(HOST_NAME, OS_NAME, OS_VERSION, "OS Manufacturer",
            "OS Configuration", "OS Build Type", "Registered Owner", "Registered Organization", "Product ID",
            "Original Install Date", "System Boot Time", "System Up Time", "System Manufacturer", "System Model",
            SYSTEM_TYPE, "Processor(s)", "BIOS Version", "Windows Directory", "System Directory", "Boot Device",
            "System Locale", "Input Locale", "Time Zone", "Total Physical Memory", "Available Physical Memory",
            "Virtual Memory: Max Size", "Virtual Memory: Available", "Virtual Memory: In Use", "Page File Location(s)",
            "Domain", "Logon Server", HOTFIXES, "Network Card(s)", "Hyper-V Requirements",
            // XP and Server 2003 name the virtual memory lines after the page file.
            "Page File: Max Size", "Page File: Available", "Page File: In Use")
            .stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();

    private static final Pattern LIST_LINE = Pattern.compile("^(\\S[^:]{0,60}):(\\s{2,})\\S");
    private static final Pattern EMPTY_VALUE = Pattern.compile("^\\S[^:]{0,60}:\\s*$");
    private static final Pattern ENTRY = Pattern.compile("^\\s*\\[\\d+\\]:\\s*(\\S+)");
    private static final Pattern SERVICE_PACK = Pattern.compile("(?i)\\bService Pack (\\d+)");
    private static final Pattern VERSION_START = Pattern.compile("^\\d+\\.\\d+\\.\\d+");

    @Override
    public String name() {
        return "windows-systeminfo";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        String text = WindowsText.decodeHead(head);
        String first = WindowsText.firstLine(text);
        if (first.startsWith(HOST_NAME + ":") || first.startsWith("\"" + HOST_NAME + "\",\"" + OS_NAME + "\"")) return true;
        // Both other-language shapes need "Windows" in the head (the OS name); one scan rules out other files.
        return text.contains("Windows") && (looksLikeOtherLanguageList(text) || looksLikeOtherLanguageCsv(text));
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        String text = WindowsText.read(file);
        List<String> lines = WindowsText.lines(text);
        int firstIndex = 0;
        while (firstIndex < lines.size() && lines.get(firstIndex).isBlank()) firstIndex++;
        if (firstIndex == lines.size()) {
            throw new BadInputException(Location.of(file.toString()), "empty file (expected systeminfo output)");
        }
        String first = lines.get(firstIndex);
        return first.startsWith("\"") ? readCsv(file, lines, firstIndex) : readList(file, lines, firstIndex);
    }

    private ReadResult<Target> readList(Path file, List<String> lines, int start) throws BadInputException {
        if (!lines.get(start).startsWith(HOST_NAME + ":")) {
            Matcher m = LIST_LINE.matcher(lines.get(start));
            String label = m.find() ? m.group(1) : lines.get(start).strip();
            throw notEnglish(file, start, label);
        }
        List<Target> hosts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, List<String>> fields = null;
        int hostLine = start;
        String current = null;
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            if (!Character.isWhitespace(line.charAt(0))) {
                Optional<String> label = LABELS.stream().filter(l -> line.startsWith(l + ":")).findFirst();
                if (label.isEmpty()) {
                    // A label we do not know: newer Windows adds some. Keep going, but do not let its continuation
                    // lines land in the previous field.
                    current = null;
                    continue;
                }
                current = label.get();
                if (current.equals(HOST_NAME)) {
                    if (fields != null) host(file, fields, hostLine, hosts, problems);
                    fields = new LinkedHashMap<>();
                    hostLine = i;
                }
                fields.computeIfAbsent(current, k -> new ArrayList<>()).add(line.substring(current.length() + 1).strip());
            } else if (current != null && fields != null) {
                fields.get(current).add(line.strip());
            }
        }
        if (fields != null) host(file, fields, hostLine, hosts, problems);
        return new ReadResult<>(hosts, problems);
    }

    private ReadResult<Target> readCsv(Path file, List<String> lines, int start) throws BadInputException {
        List<String> header = Csv.fields(lines.get(start)).orElseThrow(() -> new BadInputException(
                new Location(file.toString(), "line " + (start + 1)), "unclosed quote in the CSV header"));
        if (!header.get(0).equals(HOST_NAME)) throw notEnglish(file, start, header.get(0));
        List<Target> hosts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = start + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            Optional<List<String>> row = Csv.fields(lines.get(i));
            if (row.isEmpty() || row.get().size() != header.size()) {
                problems.add(new Problem(new Location(file.toString(), "line " + (i + 1)), "expected " + header.size()
                        + " CSV fields like the header, found " + row.map(r -> String.valueOf(r.size())).orElse("an unclosed quote")));
                continue;
            }
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String value = row.get().get(c);
                // List values (processors, hotfixes, network cards) are joined with commas inside the field.
                fields.put(header.get(c), header.get(c).equals(HOTFIXES) ? List.of(value.split(",")) : List.of(value));
            }
            host(file, fields, i, hosts, problems);
        }
        return new ReadResult<>(hosts, problems);
    }

    private static void host(Path file, Map<String, List<String>> f, int line, List<Target> hosts, List<Problem> problems) {
        String name = one(f, HOST_NAME);
        String version = one(f, OS_VERSION);
        if (name == null || version == null || !VERSION_START.matcher(version).find()) {
            problems.add(new Problem(new Location(file.toString(), "line " + (line + 1)),
                    "expected 'Host Name' and an 'OS Version' such as '6.1.7601 Service Pack 1 Build 7601'; host skipped"));
            return;
        }
        HostBuilder h = new HostBuilder(name);
        h.osName = one(f, OS_NAME);
        Matcher v = VERSION_START.matcher(version);
        v.find();
        h.osVersion = v.group();
        h.build = v.group(); // systeminfo does not show the update build revision
        Matcher sp = SERVICE_PACK.matcher(version);
        if (sp.find()) h.servicePack = "Service Pack " + sp.group(1);
        h.architecture = one(f, SYSTEM_TYPE);
        for (String entry : f.getOrDefault(HOTFIXES, List.of())) {
            Matcher m = ENTRY.matcher(entry);
            if (m.find()) h.addUpdate(m.group(1));
        }
        hosts.add(h.build(file));
    }

    private static String one(Map<String, List<String>> f, String label) {
        List<String> v = f.get(label);
        return v == null || v.isEmpty() ? null : HostBuilder.blankToNull(v.get(0));
    }

    private static BadInputException notEnglish(Path file, int line, String label) {
        return new BadInputException(new Location(file.toString(), "line " + (line + 1)),
                "systeminfo output with labels in another language (found '" + label + "', expected '" + HOST_NAME
                        + "'); only English labels are read: export with PowerShell "
                        + "'Get-ComputerInfo | ConvertTo-Json', whose property names do not change with the language");
    }

    /** Other languages keep the shape: label, colon, padding to one common column; and a Windows product name. */
    private static boolean looksLikeOtherLanguageList(String text) {
        int aligned = 0;
        int column = -1;
        int seen = 0;
        for (String line : (Iterable<String>) WindowsText.nonBlankLines(text)::iterator) {
            if (Character.isWhitespace(line.charAt(0))) continue;
            if (++seen > 8) break;
            if (EMPTY_VALUE.matcher(line).matches()) continue; // e.g. an empty "Registered Organization:"
            Matcher m = LIST_LINE.matcher(line);
            if (!m.find()) return false;
            int col = m.end() - 1;
            if (column == -1) column = col;
            if (col == column) aligned++;
        }
        return aligned >= 5 && column >= 15 && text.contains("Windows");
    }

    private static boolean looksLikeOtherLanguageCsv(String text) {
        List<String> lines = WindowsText.nonBlankLines(text).limit(2).toList();
        if (lines.size() < 2 || !lines.get(0).startsWith("\"")) return false;
        Optional<List<String>> header = Csv.fields(lines.get(0));
        // The data row may be cut off by the head; its first three fields are enough.
        List<String> row = Csv.fields(lines.get(1)).or(() -> Csv.fields(lines.get(1) + "\"")).orElse(List.of());
        return header.isPresent() && header.get().size() >= 20 && row.size() >= 3
                && row.get(1).contains("Windows") && VERSION_START.matcher(row.get(2)).find();
    }
}
