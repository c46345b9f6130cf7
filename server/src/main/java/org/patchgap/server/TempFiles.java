package org.patchgap.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Removes the temporary trees uploads are staged in. */
public final class TempFiles {

    private TempFiles() {}

    public static void deleteTree(@Nullable Path dir) {
        if (dir == null) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover in the temporary directory is harmless
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }
}
