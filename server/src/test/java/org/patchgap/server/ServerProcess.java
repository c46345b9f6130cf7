package org.patchgap.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged server jar ({@code patchgap serve}) run as its own process, as a user runs it. */
final class ServerProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("patchgap.server.jar", "target/patchgap-server.jar"));
    private static final Pattern LISTENING = Pattern.compile("listening on (http://[^ ]+/) ");
    private static final Pattern KEY = Pattern.compile("API key[^:]*: (pgk_[A-Za-z0-9_-]+)");

    final Process process;
    final List<String> output = new CopyOnWriteArrayList<>();
    String url;
    String key;

    private ServerProcess(Process process) {
        this.process = process;
    }

    static ServerProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ServerProcess p = new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    p.output.add(line);
                    Matcher k = KEY.matcher(line);
                    if (k.find()) p.key = k.group(1);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) p.url = m.group(1);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    /** Waits until the server says where it listens; fails with its output when it ends or takes too long. */
    ServerProcess awaitReady(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (url == null) {
            if (!process.isAlive()) throw new AssertionError("the server ended (" + process.exitValue() + "):\n" + String.join("\n", output));
            if (System.nanoTime() > end) throw new AssertionError("the server did not start in time:\n" + String.join("\n", output));
            Thread.sleep(50);
        }
        return this;
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("still running");
        Thread.sleep(100); // let the reader take the last lines
        return process.exitValue();
    }

    Api api(String apiKey) {
        return new Api(url.substring(0, url.length() - 1), apiKey);
    }

    /** kill -9: no shutdown hook, no flush, nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
