package org.patchgap.formats.python;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
 * uv's {@code uv.lock}: a {@code [[package]]} table per distribution with an inline {@code source} table. The
 * project and its workspace members ({@code editable}, {@code virtual} or {@code directory} sources) are the
 * user's own code and are left out.
 */
public final class UvLockReader implements InventoryReader {

    private static final Pattern LOCAL_SOURCE = Pattern.compile("\\{\\s*(editable|virtual|directory)\\s*=");

    @Override
    public String name() {
        return "uv-lock";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        return Heads.fileName(file).equals("uv.lock");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        List<TomlBlocks.Block> blocks = TomlBlocks.read(file);
        String source = file.toString();
        boolean hasVersion = !blocks.isEmpty() && blocks.get(0).header().isEmpty()
                && blocks.get(0).keys().containsKey("version");
        if (!hasVersion && blocks.stream().noneMatch(b -> b.header().equals("[[package]]"))) {
            throw new BadInputException(Location.of(source), "expected a uv.lock with a version and [[package]] tables");
        }
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (TomlBlocks.Block block : blocks) {
            if (!block.header().equals("[[package]]")) {
                continue;
            }
            TomlBlocks.Value packageSource = block.keys().get("source");
            if (packageSource != null && LOCAL_SOURCE.matcher(packageSource.raw()).lookingAt()) {
                continue;
            }
            PythonComponents.add(block, source, components, problems);
        }
        return new ReadResult<>(List.of(new Target(source, Target.Kind.APPLICATION, source, components)), problems);
    }
}
