package org.patchgap.formats.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * pip's {@code requirements.txt} (pip's "Requirements File Format"): one requirement per logical line, with
 * {@code \} line continuations, {@code #} comments, environment markers after {@code ;}, per-requirement options
 * such as {@code --hash}, and {@code -r}/{@code --requirement} includes, read relative to the including file.
 * Only an exact pin ({@code ==1.2.3} or {@code ===1.2.3}) says what is installed; any other line is listed
 * without a version and a problem says why, so that the user sees what was not checked. Constraints files
 * ({@code -c}) do not install anything and editable or path installs are the user's own code: both are ignored.
 */
public final class RequirementsReader implements InventoryReader {

    // PEP 508 names: letters, digits, and . _ - inside; extras in brackets; then the version specifier.
    private static final Pattern REQUIREMENT =
            Pattern.compile("([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*\\])?\\s*(.*)");
    private static final Pattern PIN = Pattern.compile("===?\\s*([^\\s,*]+)");
    private static final Pattern INCLUDE = Pattern.compile("(?:-r|--requirement)(?:\\s*=\\s*|\\s+|(?=[^\\s-]))(\\S+)");
    private static final Pattern COMMENT = Pattern.compile("(^|\\s+)#.*$");

    @Override
    public String name() {
        return "pip-requirements";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        String name = Heads.lowerName(file);
        if (!name.endsWith(".txt")) {
            return false;
        }
        Path parent = file.getParent();
        boolean inRequirementsFolder = parent != null && parent.getFileName() != null
                && parent.getFileName().toString().equals("requirements");
        return name.contains("requirements") || inRequirementsFolder;
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(Location.of(file.toString()), "no such file");
        }
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        readFile(file, components, problems, new HashSet<>());
        String source = file.toString();
        return new ReadResult<>(List.of(new Target(source, Target.Kind.APPLICATION, source, components)), problems);
    }

    private void readFile(Path file, List<Component> out, List<Problem> problems, Set<Path> seen)
            throws BadInputException {
        seen.add(canonical(file));
        String source = file.toString();
        String text = Inputs.text(file);
        if (text.indexOf('\0') >= 0) {
            throw new BadInputException(Location.of(source), "expected a text requirements file, found binary data");
        }
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int first = i;
            StringBuilder logical = new StringBuilder();
            String line = lines.get(i);
            // pip joins a line ending in a backslash with the next before stripping comments.
            while (line.endsWith("\\") && i + 1 < lines.size()) {
                logical.append(line, 0, line.length() - 1);
                line = lines.get(++i);
            }
            logical.append(line);
            String content = COMMENT.matcher(logical.toString()).replaceFirst("").strip();
            if (content.startsWith("\uFEFF")) {
                content = content.substring(1).strip();
            }
            if (content.isEmpty()) {
                continue;
            }
            Location location = new Location(source, "line " + (first + 1));
            if (content.startsWith("-")) {
                option(file, content, location, out, problems, seen);
            } else {
                requirement(content, location, out, problems);
            }
        }
    }

    private void option(Path file, String content, Location location, List<Component> out, List<Problem> problems,
            Set<Path> seen) throws BadInputException {
        Matcher include = INCLUDE.matcher(content);
        if (!include.lookingAt()) {
            return; // index URLs, -c constraints, -e editables, --pre and the like install nothing we can match
        }
        Path parent = file.toAbsolutePath().getParent();
        Path included = parent == null ? Path.of(include.group(1)) : parent.resolve(include.group(1)).normalize();
        Path relative = file.getParent() == null ? Path.of(include.group(1))
                : file.getParent().resolve(include.group(1)).normalize();
        if (seen.contains(canonical(included))) {
            problems.add(new Problem(location, "include of " + include.group(1) + " repeats a file already read; ignored"));
            return;
        }
        if (!Files.isRegularFile(included)) {
            problems.add(new Problem(location, "included file " + include.group(1) + " not found; ignored"));
            return;
        }
        readFile(relative, out, problems, seen);
    }

    private static void requirement(String content, Location location, List<Component> out, List<Problem> problems) {
        // Per-requirement options (--hash, --config-settings) follow the requirement after whitespace.
        int option = content.indexOf(" --");
        String requirement = option < 0 ? content : content.substring(0, option).strip();
        if (requirement.contains("://") && !requirement.contains(" @ ") && !requirement.contains("@ ")) {
            problems.add(new Problem(location, "requirement by URL without a name (" + requirement
                    + "); skipped"));
            return;
        }
        if (requirement.startsWith(".") || requirement.startsWith("/")) {
            problems.add(new Problem(location, "local path requirement (" + requirement + "); skipped"));
            return;
        }
        Matcher m = REQUIREMENT.matcher(requirement);
        if (!m.matches()) {
            problems.add(new Problem(location, "not a requirement: " + abbreviate(requirement) + "; skipped"));
            return;
        }
        String name = m.group(1);
        String specifier = m.group(3);
        int marker = specifier.indexOf(';');
        if (marker >= 0) {
            specifier = specifier.substring(0, marker).strip();
        }
        Matcher pin = PIN.matcher(specifier);
        if (pin.matches()) {
            String version = pin.group(1);
            out.add(new Component("PyPI", name, version, Purls.of("pypi", null, name, version), location));
            return;
        }
        String why = specifier.startsWith("@") ? "installed from " + specifier.substring(1).strip()
                : specifier.isEmpty() ? "no version given" : "not pinned (" + specifier + ")";
        problems.add(new Problem(location, name + ": " + why + "; listed without a version, not matched"));
        out.add(new Component("PyPI", name, null, Purls.of("pypi", null, name, null), location));
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }

    private static Path canonical(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
