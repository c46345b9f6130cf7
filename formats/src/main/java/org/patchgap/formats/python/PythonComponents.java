package org.patchgap.formats.python;

import java.util.List;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.formats.support.Purls;
import org.patchgap.formats.support.TomlBlocks;

/** A PyPI component from a lock file's {@code [[package]]} table. */
final class PythonComponents {

    private PythonComponents() {}

    static void add(TomlBlocks.Block block, String source, List<Component> out, List<Problem> problems) {
        Location location = new Location(source, "line " + block.line());
        String name = block.string("name");
        String version = block.string("version");
        if (name == null || name.isBlank()) {
            problems.add(new Problem(location, "[[package]] without a name; skipped"));
        } else if (version == null || version.isBlank()) {
            problems.add(new Problem(location, name + " has no version; listed without a version, not matched"));
            out.add(new Component("PyPI", name, null, Purls.of("pypi", null, name, null), location));
        } else {
            out.add(new Component("PyPI", name, version, Purls.of("pypi", null, name, version), location));
        }
    }
}
