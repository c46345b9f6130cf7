package org.patchgap.formats.npm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;
import org.patchgap.formats.support.Heads;
import org.patchgap.formats.support.Inputs;
import org.patchgap.formats.support.Purls;

/**
 * {@code yarn.lock}, both classic (yarn 1: {@code version "1.2.3"}) and berry (yarn 2+, YAML:
 * {@code version: 1.2.3} with a {@code resolution}). Both are blocks headed by an unindented line of descriptors
 * ending in {@code :}, with the block's fields indented by two spaces, so one line reader takes both and keeps
 * line numbers. Workspaces, links and patched copies (berry's {@code patch:} protocol, which also lists the
 * unpatched package) are not installed registry packages and are left out.
 */
public final class YarnLockReader implements InventoryReader {

    @Override
    public String name() {
        return "yarn-lock";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        return Heads.fileName(file).equals("yarn.lock");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        List<String> lines = Inputs.lines(file);
        String source = file.toString();
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Entry entry = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                if (!line.endsWith(":")) {
                    throw new BadInputException(new Location(source, "line " + (i + 1)),
                            "expected a yarn.lock entry header ending in ':', found: " + abbreviate(line));
                }
                if (entry != null) {
                    entry.emit(source, components, problems);
                }
                entry = new Entry(line.substring(0, line.length() - 1), i + 1);
            } else if (entry != null && line.startsWith("  ") && !line.startsWith("   ")) {
                String field = line.strip();
                entry.field(field);
            }
        }
        if (entry != null) {
            entry.emit(source, components, problems);
        }
        return new ReadResult<>(List.of(new Target(source, Target.Kind.APPLICATION, source, components)), problems);
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** One block: its header descriptors and the fields we use. */
    private static final class Entry {
        final String header;
        final int line;
        @Nullable String version;
        @Nullable String resolution;

        Entry(String header, int line) {
            this.header = header;
            this.line = line;
        }

        void field(String field) {
            // Classic separates key and value by a space, berry by ": ".
            int split = field.indexOf(' ');
            if (split < 0) {
                return;
            }
            String key = field.substring(0, split);
            if (key.endsWith(":")) {
                key = key.substring(0, key.length() - 1);
            }
            String value = unquote(field.substring(split + 1));
            if (key.equals("version")) {
                version = value;
            } else if (key.equals("resolution")) {
                resolution = value;
            }
        }

        void emit(String source, List<Component> out, List<Problem> problems) {
            if (header.equals("__metadata")) {
                return;
            }
            Location location = new Location(source, "line " + line);
            // split(",", -1): a header of only commas has an empty first pattern (split(",") would give none).
            String first = unquote(header.split(",", -1)[0].strip());
            if (first.isEmpty() && resolution == null) {
                problems.add(new Problem(location, "entry without a package pattern; skipped"));
                return;
            }
            String name;
            String version = this.version;
            if (resolution != null) {
                name = NpmVersions.nameOf(resolution);
                String reference = NpmVersions.rangeOf(resolution);
                if (reference.startsWith("npm:")) {
                    version = reference.substring("npm:".length());
                } else if (isLocal(reference) || reference.startsWith("patch:")) {
                    return;
                }
            } else {
                name = NpmVersions.nameOf(first);
                String range = NpmVersions.rangeOf(first);
                if (range.startsWith("npm:")) {
                    // An alias, "alias@npm:real@^1": the installed package is the real one.
                    name = NpmVersions.nameOf(range.substring("npm:".length()));
                } else if (isLocal(range)) {
                    return;
                }
            }
            if (name.isBlank()) {
                problems.add(new Problem(location, "entry without a package name; skipped"));
            } else if (version == null || !NpmVersions.isRegistryVersion(version)) {
                problems.add(new Problem(location, "package " + name + " has no registry version ("
                        + (version == null ? "none" : version) + "); listed without a version, not matched"));
                out.add(new Component("npm", name, null, Purls.npm(name, null), location));
            } else {
                out.add(new Component("npm", name, version, Purls.npm(name, version), location));
            }
        }

        private static boolean isLocal(String reference) {
            return reference.startsWith("workspace:") || reference.startsWith("link:")
                    || reference.startsWith("portal:") || reference.startsWith("file:");
        }
    }
}
