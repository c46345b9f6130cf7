package org.patchgap.formats.ruby;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Bundler's {@code Gemfile.lock}: sections ({@code GEM}, {@code GIT}, {@code PATH}, {@code PLATFORMS},
 * {@code DEPENDENCIES}, ...) whose {@code specs:} list each locked gem at four spaces of indentation as
 * {@code name (version)}, its own dependencies at six. A platform gem is written {@code name (1.2.3-x86_64-linux)};
 * gem versions contain no {@code -}, so the platform is what follows the first one. {@code PATH} gems are the
 * user's own code and are left out.
 */
public final class GemfileLockReader implements InventoryReader {

    private static final Pattern SPEC = Pattern.compile(" {4}([^ (]+) \\(([^)]+)\\)");
    private static final Pattern SECTION = Pattern.compile("[A-Z][A-Z ]*");

    @Override
    public String name() {
        return "gemfile-lock";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        String name = Heads.fileName(file);
        return name.equals("Gemfile.lock") || name.equals("gems.locked");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        List<String> lines = Inputs.lines(file);
        String source = file.toString();
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                if (!SECTION.matcher(line.strip()).matches()) {
                    throw new BadInputException(new Location(source, "line " + (i + 1)),
                            "expected a Gemfile.lock section name such as GEM or DEPENDENCIES");
                }
                section = line.strip();
                continue;
            }
            if (!"GEM".equals(section) && !"GIT".equals(section)) {
                continue;
            }
            if (line.startsWith("     ") || !line.startsWith("    ")) {
                continue; // a dependency of a spec, or remote:/specs: keys
            }
            Location location = new Location(source, "line " + (i + 1));
            Matcher m = SPEC.matcher(line);
            if (!m.matches()) {
                problems.add(new Problem(location, "expected '    name (version)'; line skipped"));
                continue;
            }
            String name = m.group(1);
            String version = m.group(2);
            String platform = null;
            int dash = version.indexOf('-');
            if (dash >= 0) {
                platform = version.substring(dash + 1);
                version = version.substring(0, dash);
            }
            components.add(new Component("RubyGems", name, version,
                    Purls.of("gem", null, name, version, java.util.Collections.singletonMap("platform", platform)),
                    location));
        }
        if (section == null && !lines.stream().allMatch(String::isBlank)) {
            throw new BadInputException(Location.of(source), "expected a Gemfile.lock with a GEM section");
        }
        return new ReadResult<>(List.of(new Target(source, Target.Kind.APPLICATION, source, components)), problems);
    }
}
