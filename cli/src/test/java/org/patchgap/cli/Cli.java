package org.patchgap.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs a command line in-process with captured streams: the unit-test view of {@link Main}. */
final class Cli {

    /** What a run printed and returned. */
    record Result(int exit, String out, String err) {}

    /** The repository root (the module runs with cli/ as working directory), where examples/ lives. */
    static final Path REPO = findRepo();

    private Cli() {}

    static Result run(String... args) {
        return runWithInput("", args);
    }

    static Result runWithInput(String stdin, String... args) {
        return run(stdin, Map.of(), false, args);
    }

    static Result run(String stdin, Map<String, String> env, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, terminal);
        int exit = Main.run(args, io);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String example(String relative) {
        return REPO.resolve("examples").resolve(relative).toString();
    }

    private static Path findRepo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("no examples/ directory above " + Path.of("").toAbsolutePath());
        return dir;
    }
}
