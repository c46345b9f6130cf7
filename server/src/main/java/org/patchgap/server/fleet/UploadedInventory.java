package org.patchgap.server.fleet;

import java.util.ArrayList;
import java.util.List;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.HostFacts;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.core.windows.WindowsHosts;
import org.patchgap.formats.InventoryReaders;
import org.patchgap.formats.walk.FileRead;
import org.patchgap.formats.walk.InventoryWalker;
import org.patchgap.formats.walk.WalkResult;
import org.patchgap.server.web.ApiException;
import org.patchgap.server.web.UploadStaging;

/**
 * An uploaded inventory read by the CLI's own readers and routing: one file by its name and content, or an
 * expanded zip walked as a directory (several exports of one Windows host joined, as {@code scan} joins them).
 * What it describes becomes one target under the name the client chose.
 *
 * @param reader   which reader read it ({@code cyclonedx-json}, ..., or {@code tree} for a walked zip)
 * @param problems components or files skipped, with their places
 */
public record UploadedInventory(Target target, String reader, List<Problem> problems) {

    public static UploadedInventory read(String name, UploadStaging staged) throws BadInputException {
        String prefix = staged.isTree() ? staged.path().toString() + "/" : staged.path().getParent().toString() + "/";
        List<Target> targets;
        List<Problem> problems = new ArrayList<>();
        String reader;
        try {
            if (staged.isTree()) {
                WalkResult walked = InventoryWalker.withExcludes(List.of()).walk(staged.path());
                targets = walked.targets();
                problems.addAll(walked.problems());
                reader = "tree: " + String.join(", ", walked.files().stream().filter(f -> f.error() == null)
                        .map(FileRead::reader).distinct().toList());
            } else {
                reader = InventoryReaders.readerFor(staged.path()).map(r -> r.name()).orElse("none");
                ReadResult<Target> read = InventoryReaders.read(staged.path());
                targets = read.items();
                problems.addAll(read.problems());
            }
        } catch (BadInputException e) {
            throw new BadInputException(relative(e.location(), prefix), e.reason(), e);
        }
        // One upload is one target: exports of the host that name it differently (a settings export named after
        // its directory) are joined to it. Two exports that name two different products are two machines.
        List<String> named = targets.stream().filter(t -> t.host() != null && t.host().osName() != null)
                .map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).distinct().toList();
        if (named.size() > 1) {
            throw ApiException.badRequest("the upload describes " + named.size() + " hosts (" + String.join(", ", named)
                    + "); upload each host as its own target");
        }
        targets = WindowsHosts.merge(targets.stream().map(t -> t.host() == null ? t
                : new Target(name, t.kind(), t.source(), t.components(), t.host())).toList());
        if (targets.isEmpty()) {
            throw ApiException.badRequest("no inventory found in the upload (an SBOM, a lock file, an OS package "
                    + "database or Windows exports; a file that needs its name to be recognised, such as "
                    + "package-lock.json or a dpkg status file, needs ?filename=)");
        }
        HostFacts host = null;
        List<Component> components = new ArrayList<>();
        Target.Kind kind = Target.Kind.APPLICATION;
        for (Target t : targets) {
            for (Component c : t.components()) {
                components.add(new Component(c.ecosystem(), c.name(), c.version(), c.purl(), relative(c.location(), prefix),
                        c.cpe()));
            }
            if (t.host() != null) host = t.host();
            if (t.kind() != Target.Kind.APPLICATION) kind = t.kind();
        }
        List<Problem> relativeProblems = problems.stream()
                .map(p -> new Problem(relative(p.location(), prefix), p.message())).toList();
        return new UploadedInventory(new Target(name, kind, staged.displayName(), components, host), reader,
                relativeProblems);
    }

    /** Locations name the file as the client sent it, not the staging directory. */
    static Location relative(Location location, String prefix) {
        String file = location.file();
        if (file.startsWith(prefix)) file = file.substring(prefix.length());
        return new Location(file, location.place());
    }
}
