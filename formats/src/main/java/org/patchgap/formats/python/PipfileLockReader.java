package org.patchgap.formats.python;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
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
 * Pipenv's {@code Pipfile.lock}: JSON with the locked packages under {@code default} and {@code develop}, each
 * with a {@code version} of the form {@code ==1.2.3}. Git and path entries have no version: git ones are listed
 * without a version, editable and path ones are the user's own code and are left out.
 */
public final class PipfileLockReader implements InventoryReader {

    private static final List<String> SECTIONS = List.of("default", "develop");

    @Override
    public String name() {
        return "pipfile-lock";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        return Heads.fileName(file).equals("Pipfile.lock");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        JsonNode root = Inputs.json(file);
        if (!root.isObject() || SECTIONS.stream().noneMatch(root::has) && !root.has("_meta")) {
            throw Inputs.expected(file, "", "a Pipfile.lock object with _meta, default and develop");
        }
        String source = file.toString();
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String section : SECTIONS) {
            JsonNode packages = root.path(section);
            if (packages.isMissingNode() || packages.isNull()) {
                continue;
            }
            if (!packages.isObject()) {
                throw Inputs.expected(file, "/" + section, "an object keyed by package name");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = packages.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String name = entry.getKey();
                JsonNode value = entry.getValue();
                Location location = new Location(source, "/" + section + "/" + Inputs.pointerToken(name));
                if (!value.isObject()) {
                    problems.add(new Problem(location, "expected an object; entry skipped"));
                    continue;
                }
                if (value.path("editable").asBoolean(false) || value.has("path") || value.has("file")) {
                    continue;
                }
                String version = Inputs.field(value, "version");
                if (version != null && version.startsWith("==")) {
                    String pinned = version.substring(version.startsWith("===") ? 3 : 2).strip();
                    components.add(new Component("PyPI", name, pinned, Purls.of("pypi", null, name, pinned),
                            location));
                } else {
                    problems.add(new Problem(location, name + ": no pinned version"
                            + (value.has("git") ? " (git " + Inputs.field(value, "git") + ")" : "")
                            + "; listed without a version, not matched"));
                    components.add(new Component("PyPI", name, null, Purls.of("pypi", null, name, null), location));
                }
            }
        }
        return new ReadResult<>(List.of(new Target(source, Target.Kind.APPLICATION, source, components)), problems);
    }
}
