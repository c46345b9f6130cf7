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
 * npm's {@code package-lock.json} (and {@code npm-shrinkwrap.json}), lockfile versions 1 to 3. Versions 2 and 3
 * list every installed package under {@code packages} keyed by its {@code node_modules/...} path; version 1
 * nests {@code dependencies}. Version 2 carries both; we read {@code packages}, which is the complete one.
 */
public final class PackageLockReader implements InventoryReader {

    @Override
    public String name() {
        return "npm-package-lock";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        String name = Heads.fileName(file);
        return (name.equals("package-lock.json") || name.equals("npm-shrinkwrap.json"))
                && (head.length == 0 || Heads.startsWith(head, '{'));
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        JsonNode root = Inputs.json(file);
        if (!root.isObject()) {
            throw Inputs.expected(file, "", "a JSON object (an npm package-lock)");
        }
        String source = file.toString();
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        JsonNode packages = root.get("packages");
        if (packages != null) {
            if (!packages.isObject()) {
                throw Inputs.expected(file, "/packages", "an object keyed by install path");
            }
            readPackages(source, packages, components, problems);
        } else {
            JsonNode dependencies = root.get("dependencies");
            if (dependencies != null) {
                if (!dependencies.isObject()) {
                    throw Inputs.expected(file, "/dependencies", "an object keyed by package name");
                }
                readDependencies(source, dependencies, "/dependencies", components, problems);
            } else if (root.get("lockfileVersion") == null) {
                throw Inputs.expected(file, "", "an npm package-lock with lockfileVersion, packages or dependencies");
            }
        }
        return new ReadResult<>(List.of(new Target(source, Target.Kind.APPLICATION, source, components)), problems);
    }

    /** Lockfile v2/v3: {@code "node_modules/a/node_modules/@s/b": {"version": ...}}. */
    private static void readPackages(String source, JsonNode packages, List<Component> out, List<Problem> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = packages.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = entry.getKey();
            JsonNode value = entry.getValue();
            Location location = new Location(source, "/packages/" + Inputs.pointerToken(path));
            int lastModules = path.lastIndexOf("node_modules/");
            // The root ("") and workspace folders ("packages/a") are the project itself, not installed packages.
            if (lastModules < 0) {
                continue;
            }
            if (!value.isObject()) {
                problems.add(new Problem(location, "expected an object; entry skipped"));
                continue;
            }
            if (value.path("link").asBoolean(false)) {
                continue; // a symlink to a workspace folder, listed under its own path
            }
            String name = Inputs.field(value, "name");
            if (name == null) {
                name = path.substring(lastModules + "node_modules/".length());
            }
            String version = Inputs.field(value, "version");
            add(name, version, location, out, problems);
        }
    }

    /** Lockfile v1: {@code "a": {"version": ..., "dependencies": {...nested...}}}. */
    private static void readDependencies(String source, JsonNode dependencies, String pointer, List<Component> out,
            List<Problem> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = dependencies.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String here = pointer + "/" + Inputs.pointerToken(entry.getKey());
            Location location = new Location(source, here);
            JsonNode value = entry.getValue();
            if (!value.isObject()) {
                problems.add(new Problem(location, "expected an object; entry skipped"));
                continue;
            }
            add(entry.getKey(), Inputs.field(value, "version"), location, out, problems);
            JsonNode nested = value.get("dependencies");
            if (nested != null && nested.isObject()) {
                readDependencies(source, nested, here + "/dependencies", out, problems);
            }
        }
    }

    private static void add(String name, String version, Location location, List<Component> out,
            List<Problem> problems) {
        if (name.isBlank()) {
            problems.add(new Problem(location, "package without a name; skipped"));
            return;
        }
        if (version == null || version.isBlank()) {
            problems.add(new Problem(location, "package " + name + " without a version; listed, not matched"));
            out.add(new Component("npm", name, null, Purls.npm(name, null), location));
            return;
        }
        if (NpmVersions.isRegistryVersion(version)) {
            out.add(new Component("npm", name, version, Purls.npm(name, version), location));
        } else {
            // v1 writes git URLs, file: and npm: aliases into "version"; none is a registry version to match.
            problems.add(new Problem(location, "package " + name + " is not from the registry (" + version
                    + "); listed without a version, not matched"));
            out.add(new Component("npm", name, null, Purls.npm(name, null), location));
        }
    }
}
