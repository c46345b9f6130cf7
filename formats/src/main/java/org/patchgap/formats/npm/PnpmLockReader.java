package org.patchgap.formats.npm;

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
 * pnpm's {@code pnpm-lock.yaml}. Every installed package is a key of {@code packages}; its spelling changed with
 * the lockfile version: {@code /name/1.2.3_peer} (5.x), {@code /name@1.2.3(peer@1)} (6.x) and
 * {@code name@1.2.3} (9.x, peers only under {@code snapshots}). Entries that are not from the registry (git,
 * tarballs, local folders) carry {@code name} and {@code version} fields, which win over the key.
 */
public final class PnpmLockReader implements InventoryReader {

    @Override
    public String name() {
        return "pnpm-lock";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        return Heads.fileName(file).equals("pnpm-lock.yaml");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        JsonNode root = Inputs.yaml(file);
        if (!root.isObject() || root.get("lockfileVersion") == null) {
            throw Inputs.expected(file, "/lockfileVersion", "a pnpm lockfile with a lockfileVersion");
        }
        double lockfileVersion;
        try {
            lockfileVersion = Double.parseDouble(root.get("lockfileVersion").asText());
        } catch (NumberFormatException e) {
            throw Inputs.expected(file, "/lockfileVersion", "a number such as 5.4, '6.0' or '9.0'");
        }
        boolean slashKeys = lockfileVersion < 6;
        String source = file.toString();
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        JsonNode packages = root.get("packages");
        if (packages != null && !packages.isNull()) {
            if (!packages.isObject()) {
                throw Inputs.expected(file, "/packages", "a mapping of package keys");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = packages.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Location location = new Location(source, "/packages/" + Inputs.pointerToken(entry.getKey()));
                read(entry.getKey(), entry.getValue(), slashKeys, location, components, problems);
            }
        }
        return new ReadResult<>(List.of(new Target(source, Target.Kind.APPLICATION, source, components)), problems);
    }

    private static void read(String key, JsonNode value, boolean slashKeys, Location location, List<Component> out,
            List<Problem> problems) {
        String name = value.isObject() ? Inputs.field(value, "name") : null;
        String version = value.isObject() ? Inputs.field(value, "version") : null;
        if (name == null || version == null) {
            String k = key.startsWith("/") ? key.substring(1) : key;
            int peers = k.indexOf('(');
            if (peers >= 0) {
                k = k.substring(0, peers);
            }
            if (slashKeys) {
                int slash = k.lastIndexOf('/');
                if (slash <= 0) {
                    problems.add(new Problem(location, "expected a key /name/version; entry skipped"));
                    return;
                }
                name = k.substring(0, slash);
                version = k.substring(slash + 1);
                int underscore = version.indexOf('_');
                if (underscore >= 0) {
                    version = version.substring(0, underscore);
                }
            } else {
                name = NpmVersions.nameOf(k);
                version = NpmVersions.rangeOf(k);
            }
        }
        if (name.isBlank()) {
            problems.add(new Problem(location, "entry without a package name; skipped"));
        } else if (!NpmVersions.isRegistryVersion(version)) {
            problems.add(new Problem(location, "package " + name + " has no registry version (" + version
                    + "); listed without a version, not matched"));
            out.add(new Component("npm", name, null, Purls.npm(name, null), location));
        } else {
            out.add(new Component("npm", name, version, Purls.npm(name, version), location));
        }
    }
}
