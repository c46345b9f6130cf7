package org.patchgap.formats.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Gradle's dependency lock file ({@code gradle.lockfile}, {@code buildscript-gradle.lockfile}, and the per
 * configuration {@code gradle/dependency-locks/*.lockfile} of Gradle 6): one {@code group:artifact:version=configurations}
 * line per locked module, {@code #} comments, and an {@code empty=} line naming configurations without dependencies.
 */
public final class GradleLockfileReader implements InventoryReader {

    @Override
    public String name() {
        return "gradle-lockfile";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        String name = Heads.fileName(file);
        if (name.equals("gradle.lockfile") || name.equals("buildscript-gradle.lockfile")) {
            return true;
        }
        Path parent = file.getParent();
        return name.endsWith(".lockfile") && parent != null && parent.getFileName() != null
                && parent.getFileName().toString().equals("dependency-locks");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        List<String> lines = Inputs.lines(file);
        String source = file.toString();
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("empty=")) {
                continue;
            }
            Location location = new Location(source, "line " + (i + 1));
            int equals = line.indexOf('=');
            String coordinates = equals < 0 ? line : line.substring(0, equals);
            String[] parts = coordinates.split(":");
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
                problems.add(new Problem(location, "expected group:artifact:version=configurations; line skipped"));
                continue;
            }
            components.add(new Component("Maven", parts[0] + ":" + parts[1], parts[2],
                    Purls.maven(parts[0], parts[1], parts[2]), location));
        }
        return new ReadResult<>(List.of(new Target(source, Target.Kind.APPLICATION, source, components)), problems);
    }
}
