package org.patchgap.server;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root (tests run with server/ as working directory), where examples/ lives. */
public final class Repo {

    public static final Path ROOT = find();

    private Repo() {}

    public static Path examples(String relative) {
        return ROOT.resolve("examples").resolve(relative);
    }

    private static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples/inventories"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("no examples/ above " + Path.of("").toAbsolutePath());
        return dir;
    }
}
