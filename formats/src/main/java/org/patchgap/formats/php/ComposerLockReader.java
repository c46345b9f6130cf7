package org.patchgap.formats.php;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Composer's {@code composer.lock}: the installed packages under {@code packages} and {@code packages-dev}, each
 * with {@code name} ({@code vendor/package}) and {@code version} as Composer wrote it ({@code v5.4.0},
 * {@code 2.1.3}, {@code dev-main}); the version is kept as written, the Packagist scheme reads the {@code v}.
 */
public final class ComposerLockReader implements InventoryReader {

    private static final List<String> SECTIONS = List.of("packages", "packages-dev");

    @Override
    public String name() {
        return "composer-lock";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        return Heads.fileName(file).equals("composer.lock") && (head.length == 0 || Heads.startsWith(head, '{'));
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        JsonNode root = Inputs.json(file);
        if (!root.isObject() || !root.has("packages")) {
            throw Inputs.expected(file, "/packages", "a composer.lock object with a packages array");
        }
        String source = file.toString();
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String section : SECTIONS) {
            JsonNode packages = root.path(section);
            if (packages.isMissingNode() || packages.isNull()) {
                continue;
            }
            if (!packages.isArray()) {
                throw Inputs.expected(file, "/" + section, "an array of packages");
            }
            for (int i = 0; i < packages.size(); i++) {
                JsonNode p = packages.get(i);
                Location location = new Location(source, "/" + section + "/" + i);
                String name = p.isObject() ? Inputs.field(p, "name") : null;
                String version = p.isObject() ? Inputs.field(p, "version") : null;
                if (name == null || version == null) {
                    problems.add(new Problem(location, "package without a name and version; skipped"));
                    continue;
                }
                int slash = name.indexOf('/');
                String purl = slash < 0 ? Purls.of("composer", null, name, version)
                        : Purls.of("composer", name.substring(0, slash), name.substring(slash + 1), version);
                components.add(new Component("Packagist", name, version, purl, location));
            }
        }
        return new ReadResult<>(List.of(new Target(source, Target.Kind.APPLICATION, source, components)), problems);
    }
}
