package org.patchgap.formats.python;

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
import org.patchgap.formats.support.TomlBlocks;

/**
 * Poetry's {@code poetry.lock}: a {@code [[package]]} table per locked distribution, followed where needed by its
 * {@code [package.source]} table. Packages whose source is a local directory or file are the user's own code and
 * are left out; git and URL sources are kept with their locked version.
 */
public final class PoetryLockReader implements InventoryReader {

    @Override
    public String name() {
        return "poetry-lock";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        return Heads.fileName(file).equals("poetry.lock");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        List<TomlBlocks.Block> blocks = TomlBlocks.read(file);
        String source = file.toString();
        if (blocks.stream().noneMatch(b -> b.header().equals("[[package]]") || b.header().equals("[metadata]"))) {
            throw new BadInputException(Location.of(source), "expected a poetry.lock with [[package]] tables");
        }
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            TomlBlocks.Block block = blocks.get(i);
            if (!block.header().equals("[[package]]")) {
                continue;
            }
            String localSource = null;
            if (i + 1 < blocks.size() && blocks.get(i + 1).header().equals("[package.source]")) {
                String type = blocks.get(i + 1).string("type");
                if ("directory".equals(type) || "file".equals(type)) {
                    localSource = type;
                }
            }
            if (localSource == null) {
                PythonComponents.add(block, source, components, problems);
            }
        }
        return new ReadResult<>(List.of(new Target(source, Target.Kind.APPLICATION, source, components)), problems);
    }
}
