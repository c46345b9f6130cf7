package org.patchgap.formats.go;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Go's {@code go.mod}: the {@code require} directives (single-line or in a block), with {@code replace}
 * directives applied. Since Go 1.17 a module's {@code go.mod} lists every module needed to build it, indirect ones
 * marked {@code // indirect}, so it is the build list. A replacement by a local path has no version to match.
 * Versions lose their leading {@code v} in the component, as OSV's Go ecosystem writes them; the purl keeps it.
 */
public final class GoModReader implements InventoryReader {

    @Override
    public String name() {
        return "go-mod";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        return Heads.fileName(file).equals("go.mod");
    }

    private record Requirement(String path, String version, int line) {}

    private record Replacement(String path, String version) {}

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        List<String> lines = Inputs.lines(file);
        String source = file.toString();
        List<Requirement> requirements = new ArrayList<>();
        // Keyed by "path" (all versions) or "path@version" (one version), as go.mod allows both.
        Map<String, Replacement> replacements = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        String block = null;
        boolean sawModule = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i)).strip();
            if (line.isEmpty()) {
                continue;
            }
            String directive;
            String rest;
            if (block != null) {
                if (line.equals(")")) {
                    block = null;
                    continue;
                }
                directive = block;
                rest = line;
            } else {
                int space = line.indexOf(' ');
                directive = space < 0 ? line : line.substring(0, space);
                rest = space < 0 ? "" : line.substring(space + 1).strip();
                if (rest.equals("(")) {
                    block = directive;
                    continue;
                }
            }
            Location location = new Location(source, "line " + (i + 1));
            String[] words = rest.split("\\s+");
            switch (directive) {
                case "module" -> sawModule = true;
                case "require" -> {
                    if (words.length != 2) {
                        problems.add(new Problem(location, "expected 'require module/path vX.Y.Z'; skipped"));
                    } else {
                        String path = unquote(words[0]);
                        String invalid = org.patchgap.core.version.go.GoModulePath.moduleProblem(path);
                        if (invalid != null) {
                            // go refuses such a go.mod; the requirement is still listed and matched by its path.
                            problems.add(new Problem(location, "'" + path + "' is not a module path Go accepts ("
                                    + invalid + ")"));
                        }
                        requirements.add(new Requirement(path, words[1], i + 1));
                    }
                }
                case "replace" -> {
                    int arrow = rest.indexOf("=>");
                    if (arrow < 0) {
                        problems.add(new Problem(location, "expected 'replace old [version] => new [version]'; skipped"));
                        break;
                    }
                    String[] from = rest.substring(0, arrow).strip().split("\\s+");
                    String[] to = rest.substring(arrow + 2).strip().split("\\s+");
                    String key = unquote(from[0]) + (from.length > 1 ? "@" + from[1] : "");
                    replacements.put(key, new Replacement(unquote(to[0]), to.length > 1 ? to[1] : null));
                }
                case "go", "toolchain", "exclude", "retract", "godebug", "tool", "ignore" -> { }
                default -> throw new BadInputException(location,
                        "expected a go.mod directive (module, go, require, replace, exclude, retract), found: "
                                + directive);
            }
        }
        if (!sawModule && requirements.isEmpty()) {
            throw new BadInputException(Location.of(source), "expected a go.mod with a module directive");
        }
        List<Component> components = new ArrayList<>();
        for (Requirement r : requirements) {
            Location location = new Location(source, "line " + r.line());
            Replacement replacement = replacements.get(r.path() + "@" + r.version());
            if (replacement == null) {
                replacement = replacements.get(r.path());
            }
            String path = r.path();
            String version = r.version();
            if (replacement != null) {
                if (replacement.version() == null) {
                    problems.add(new Problem(location, path + " is replaced by the local directory "
                            + replacement.path() + "; listed without a version, not matched"));
                    components.add(new Component("Go", path, null, golangPurl(path, null), location));
                    continue;
                }
                path = replacement.path();
                version = replacement.version();
            }
            components.add(new Component("Go", path, version.startsWith("v") ? version.substring(1) : version,
                    golangPurl(path, version), location));
        }
        return new ReadResult<>(List.of(new Target(source, Target.Kind.APPLICATION, source, components)), problems);
    }

    /** The golang purl puts everything before the last path segment in the namespace. */
    private static @org.jspecify.annotations.Nullable String golangPurl(String path, @org.jspecify.annotations.Nullable String version) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? Purls.of("golang", null, path, version)
                : Purls.of("golang", path.substring(0, slash), path.substring(slash + 1), version);
    }

    private static String stripComment(String line) {
        int comment = line.indexOf("//");
        return comment < 0 ? line : line.substring(0, comment);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("\"") || s.startsWith("`")) ? s.substring(1, s.length() - 1) : s;
    }
}
