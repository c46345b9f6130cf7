package org.patchgap.formats.walk;

import java.util.List;
import java.util.Objects;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.Target;

/**
 * What a walk of a tree found.
 *
 * @param root     the walked directory, as given
 * @param targets  the targets found, in the order of their first file by path: one host or image target per
 *                 operating-system root, one application target per lock file or SBOM
 * @param files    every file a reader took, in path order
 * @param problems files skipped (unreadable, unusable) and records skipped inside read files
 */
public record WalkResult(String root, List<Target> targets, List<FileRead> files, List<Problem> problems) {

    public WalkResult {
        Objects.requireNonNull(root, "root");
        targets = List.copyOf(targets);
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /** All components of all targets. */
    public int componentCount() {
        return targets.stream().mapToInt(t -> t.components().size()).sum();
    }
}
