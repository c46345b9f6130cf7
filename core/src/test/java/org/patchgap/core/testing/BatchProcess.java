package org.patchgap.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a canonical tool once over a whole batch: writes every input line to its stdin, returns its stdout lines.
 * One process per batch, not per comparison, keeps differential tests fast.
 */
public final class BatchProcess {

    private BatchProcess() {}

    /** Runs {@code command}, feeding {@code input} (one line each, UTF-8); fails the test on a non-zero exit. */
    public static List<String> run(List<String> command, List<String> input, long timeoutSeconds) {
        Path stderr = null;
        try {
            stderr = Files.createTempFile("patchgap-tool", ".err");
            Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            // Write on another thread: a tool that answers while it reads would otherwise fill its stdout pipe and
            // block us both.
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (OutputStream in = p.getOutputStream()) {
                    for (String line : input) {
                        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("could not write to " + command.get(0), e);
                }
            });
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            writer.join();
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " exited with " + p.exitValue() + ": " + Files.readString(stderr));
            }
            return out.lines().toList();
        } catch (IOException e) {
            return fail("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + command.get(0), e);
        } finally {
            if (stderr != null) {
                try {
                    Files.deleteIfExists(stderr);
                } catch (IOException ignored) {
                    // A leftover temporary file is harmless.
                }
            }
        }
    }

    /** A JSON string literal for {@code s}, every non-ASCII or control character escaped. */
    public static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** {@code s} as UTF-8 bytes written {@code \xHH} each, for shell scripts that decode with {@code printf %b}. */
    public static String hexEscaped(String s) {
        StringBuilder b = new StringBuilder();
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            b.append(String.format("\\x%02x", c & 0xff));
        }
        return b.toString();
    }

    /** The path of a test resource on the file system (test resources are files under target/test-classes). */
    public static Path resource(String name) {
        try {
            var url = BatchProcess.class.getResource(name);
            if (url == null) {
                return fail("test resource " + name + " not found");
            }
            return Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            return fail("bad resource URI for " + name, e);
        }
    }
}
