package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code cli/target/patchgap.jar}) run in a child JVM with the launcher's JVM options, as a user
 * runs it, for the end-to-end tests: exit code and both outputs.
 */
final class CliProcess {

    static final Path REPO = Path.of(System.getProperty("patchgap.repo", "..")).toAbsolutePath().normalize();
    static final Path JAR = Path.of(System.getProperty("patchgap.jar", "target/patchgap.jar")).toAbsolutePath();

    record Run(int exit, String out, String err) {}

    private CliProcess() {}

    /**
     * Runs {@code patchgap args} in {@code directory} with {@code stdin} as its input and {@code env} added to an
     * environment without the variables that would change what a test sees ({@code PATCHGAP_DEBUG},
     * {@code PATCHGAP_DB}).
     */
    static Run run(Path directory, Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().remove("PATCHGAP_DEBUG");
        builder.environment().remove("PATCHGAP_DB");
        builder.environment().putAll(env);
        if (stdin.isEmpty()) builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Process process = builder.start();
        if (!stdin.isEmpty()) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
        }
        // Outputs here are small: reading one stream to its end before the other cannot block the child.
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("patchgap finished").isTrue();
        return new Run(process.exitValue(), out, err);
    }

    private static File nullDevice() {
        File unix = new File("/dev/null");
        return unix.exists() ? unix : new File("NUL");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
