package org.patchgap.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The {@code patchgap} command: {@code scan}, {@code inventory}, {@code version compare|sort}. The contract
 * (options, outputs, exit codes) is docs/cli.md.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, new Io(System.in, out, err, System.getenv(), System.console() != null));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; never throws, never calls {@code System.exit}. */
    static int run(String[] args, Io io) {
        boolean debug = Arrays.asList(args).contains("--debug") || "1".equals(io.env().get("PATCHGAP_DEBUG"));
        CommandLine commandLine = new CommandLine(new PatchgapCommand(), new Factory(io));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(new PrintWriter(io.out(), true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(io.err(), true, StandardCharsets.UTF_8));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> fail(io, e, debug));
        commandLine.setParameterExceptionHandler((e, parsed) -> fail(io, e, debug));
        try {
            return commandLine.execute(args);
        } finally {
            io.out().flush();
        }
    }

    private static int fail(Io io, Exception e, boolean debug) {
        io.out().flush();
        io.err().println(ErrorMessages.of(e));
        if (debug) e.printStackTrace(io.err());
        return ExitCodes.ERROR;
    }

    /** Hands {@link Io} to the commands that take it; picocli's own factory makes the rest. */
    private record Factory(Io io) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(Io.class);
                return constructor.newInstance(io);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
