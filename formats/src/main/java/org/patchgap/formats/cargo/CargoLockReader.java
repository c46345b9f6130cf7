package org.patchgap.formats.cargo;

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
import org.patchgap.formats.support.Purls;
import org.patchgap.formats.support.TomlBlocks;

/**
 * Cargo's {@code Cargo.lock}: a {@code [[package]]} table per crate. Crates without a {@code source} are the
 * workspace's own members (path dependencies) and are left out; registry and git crates are listed.
 */
public final class CargoLockReader implements InventoryReader {

    @Override
    public String name() {
        return "cargo-lock";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        return Heads.fileName(file).equals("Cargo.lock");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        List<TomlBlocks.Block> blocks = TomlBlocks.read(file);
        String source = file.toString();
        if (!blocks.isEmpty() && blocks.stream().noneMatch(b -> b.header().equals("[[package]]")
                || b.header().isEmpty() && b.keys().containsKey("version"))) {
            throw new BadInputException(Location.of(source), "expected a Cargo.lock with [[package]] tables");
        }
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (TomlBlocks.Block block : blocks) {
            if (!block.header().equals("[[package]]")) {
                continue;
            }
            Location location = new Location(source, "line " + block.line());
            String name = block.string("name");
            String version = block.string("version");
            if (name == null || version == null) {
                problems.add(new Problem(location, "[[package]] without a name and version; skipped"));
            } else if (block.keys().containsKey("source")) {
                components.add(new Component("crates.io", name, version, Purls.of("cargo", null, name, version),
                        location));
            }
        }
        return new ReadResult<>(List.of(new Target(source, Target.Kind.APPLICATION, source, components)), problems);
    }
}
