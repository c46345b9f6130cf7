package org.patchgap.formats.dotnet;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * NuGet's {@code packages.lock.json}: {@code dependencies} keyed by target framework, then by package id, each
 * with the {@code resolved} version and a {@code type} ({@code Direct}, {@code Transitive},
 * {@code CentralTransitive}, or {@code Project} for another project of the solution, which is left out). A package
 * resolved to the same version for several frameworks is listed once, at its first place.
 */
public final class PackagesLockReader implements InventoryReader {

    @Override
    public String name() {
        return "nuget-packages-lock";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        return Heads.fileName(file).equals("packages.lock.json") && (head.length == 0 || Heads.startsWith(head, '{'));
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        JsonNode root = Inputs.json(file);
        JsonNode frameworks = root.path("dependencies");
        if (!root.isObject() || !frameworks.isObject()) {
            throw Inputs.expected(file, "/dependencies", "an object keyed by target framework");
        }
        String source = file.toString();
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> fw = frameworks.fields(); fw.hasNext(); ) {
            Map.Entry<String, JsonNode> framework = fw.next();
            String base = "/dependencies/" + Inputs.pointerToken(framework.getKey());
            if (!framework.getValue().isObject()) {
                problems.add(new Problem(new Location(source, base), "expected an object of packages; skipped"));
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = framework.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String id = entry.getKey();
                JsonNode p = entry.getValue();
                Location location = new Location(source, base + "/" + Inputs.pointerToken(id));
                if (!p.isObject()) {
                    problems.add(new Problem(location, "expected an object; entry skipped"));
                    continue;
                }
                if ("Project".equals(Inputs.field(p, "type"))) {
                    continue;
                }
                String version = Inputs.field(p, "resolved");
                if (version == null) {
                    problems.add(new Problem(location, id + " has no resolved version; skipped"));
                    continue;
                }
                if (seen.add(id.toLowerCase(java.util.Locale.ROOT) + "@" + version)) {
                    components.add(new Component("NuGet", id, version, Purls.of("nuget", null, id, version),
                            location));
                }
            }
        }
        return new ReadResult<>(List.of(new Target(source, Target.Kind.APPLICATION, source, components)), problems);
    }
}
