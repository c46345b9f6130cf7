package org.patchgap.formats.walk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.HostFacts;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;
import org.patchgap.formats.InventoryReaders;
import org.patchgap.formats.os.OsDatabases;

/**
 * Walks a directory tree (a checkout, an unpacked container image, a mounted disk) and reads every file one of the
 * readers takes.
 *
 * <p>Symbolic links are never followed while walking: a link inside an image usually points at a path of the
 * image ({@code /usr/lib/...}), which on the scanning machine is a different file, and a link may lead out of the
 * tree or into a loop. The file a link points to is read where it really lies, if it is inside the tree.
 * Readers that need another file of an operating-system root ({@code etc/os-release}) resolve links inside that
 * root only.
 *
 * <p>Files go to the readers while the tree is still being listed: batches of files run on a fixed pool of
 * threads (the cheap {@code accepts} check on name and first 4 KiB, then the read), with at most a few batches per
 * thread in flight, so memory stays bounded on large trees and the directory reads overlap the file reads; the
 * results are sorted by path, so they come back in a deterministic order.
 *
 * <p>Targets: all package databases under one operating-system root ({@code var/lib/dpkg/status},
 * {@code lib/apk/db/installed}) form one target, an {@link Target.Kind#IMAGE IMAGE} named after the root's path
 * and distribution, or the {@link Target.Kind#HOST HOST} itself when the root is {@code /}. Every other inventory
 * file is its own target; an {@link Target.Kind#APPLICATION APPLICATION} is named by its path relative to the
 * walked directory, followed by the name the file gives it, if any ({@code sbom/app.cdx.json (shop@1.2)}).
 *
 * <pre>{@code
 * WalkResult result = new InventoryWalker(InventoryReaders.all(), List.of("node_modules", "*.min.js"), 4)
 *         .walk(Path.of("rootfs"));
 * result.targets().forEach(t -> System.out.println(t.name() + ": " + t.components().size()));
 * }</pre>
 */
public final class InventoryWalker {

    /** Pseudo-filesystems of a live system: walking them is slow or endless and finds no inventory. */
    private static final List<String> LIVE_SYSTEM_SKIPS = List.of("proc", "sys", "dev", "run");

    private final List<InventoryReader> readers;
    private final List<PathMatcher> excludes;
    private final int threads;

    /**
     * @param readers  the readers to offer files to, first accepting wins
     * @param excludes glob patterns ({@link java.nio.file.FileSystem#getPathMatcher glob syntax}); a file or
     *                 directory is left out when a pattern matches its path relative to the root or its name
     * @param threads  how many files are read at once, at least 1
     */
    public InventoryWalker(List<InventoryReader> readers, List<String> excludes, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.readers = List.copyOf(readers);
        this.excludes = excludes.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
        this.threads = threads;
    }

    /** A walker with every registered reader, the given excludes and up to four threads. */
    public static InventoryWalker withExcludes(List<String> excludes) {
        return new InventoryWalker(InventoryReaders.all(), excludes,
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /** Walks {@code root}; a root that is not a readable directory is bad input. */
    public WalkResult walk(Path root) throws BadInputException {
        Objects.requireNonNull(root, "root");
        if (!Files.isDirectory(root)) {
            throw new BadInputException(Location.of(root.toString()),
                    Files.exists(root) ? "expected a directory" : "no such directory");
        }
        List<Problem> problems = new ArrayList<>();
        List<Outcome> outcomes = listAndRead(root, problems);
        return assemble(root, outcomes, problems);
    }

    /** Files per task: one hand-off between threads per file cost as much as the reading on a 100k-file tree. */
    private static final int BATCH = 128;

    /**
     * Lists the tree and reads it at once: batches of files go to the pool while the listing goes on, so the
     * directory reads and the file reads overlap. Outcomes are sorted by path at the end (only files a reader
     * took or could not read are kept), which makes the result independent of listing order and thread timing.
     */
    private List<Outcome> listAndRead(Path root, List<Problem> problems) throws BadInputException {
        List<Outcome> outcomes = new ArrayList<>();
        int window = threads * 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        Deque<Future<List<Outcome>>> inFlight = new ArrayDeque<>();
        List<Path> batch = new ArrayList<>(BATCH);
        boolean liveSystem = root.toAbsolutePath().normalize().getParent() == null;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path relative = root.relativize(dir);
                    if (excluded(relative)
                            || liveSystem && relative.getNameCount() == 1 && LIVE_SYSTEM_SKIPS.contains(relative.toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !excluded(root.relativize(file))) {
                        batch.add(file);
                        if (batch.size() == BATCH) {
                            submit(pool, inFlight, List.copyOf(batch), window, outcomes);
                            batch.clear();
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(new Problem(Location.of(file.toString()), "cannot read ("
                            + e.getClass().getSimpleName() + "); skipped"));
                    return FileVisitResult.CONTINUE;
                }
            });
            submit(pool, inFlight, List.copyOf(batch), 0, outcomes);
            while (!inFlight.isEmpty()) {
                outcomes.addAll(await(inFlight.removeFirst()));
            }
        } catch (IOException e) {
            throw new BadInputException(Location.of(root.toString()), "cannot walk: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        outcomes.sort(java.util.Comparator.comparing(Outcome::file));
        for (Outcome o : outcomes) {
            if (o.reader() == null && o.failure() != null) {
                problems.add(o.failure());
            }
        }
        return outcomes;
    }

    /** Queues one batch; while more than {@code window} batches are queued, collects the oldest first. */
    private void submit(ExecutorService pool, Deque<Future<List<Outcome>>> inFlight, List<Path> files, int window,
            List<Outcome> outcomes) {
        if (!files.isEmpty()) {
            inFlight.addLast(pool.submit(() -> {
                List<Outcome> kept = new ArrayList<>();
                for (Path file : files) {
                    Outcome outcome = readOne(file);
                    if (outcome.reader() != null || outcome.failure() != null) {
                        kept.add(outcome);
                    }
                }
                return kept;
            }));
        }
        while (inFlight.size() > window) {
            outcomes.addAll(await(inFlight.removeFirst()));
        }
    }

    private boolean excluded(Path relative) {
        Path name = relative.getFileName();
        for (PathMatcher m : excludes) {
            if (m.matches(relative) || name != null && m.matches(name)) {
                return true;
            }
        }
        return false;
    }

    /** What happened to one file: no reader, a result, or an error. */
    private record Outcome(Path file, @Nullable String reader, @Nullable ReadResult<Target> result,
            @Nullable Problem failure) {}

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading files", e);
        } catch (ExecutionException e) {
            // readOne catches everything a reader throws; anything else is a bug in the walker.
            throw new IllegalStateException(e.getCause());
        }
    }

    private Outcome readOne(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            head = in.readNBytes(InventoryReaders.HEAD_BYTES);
        } catch (IOException e) {
            return new Outcome(file, null, null, new Problem(Location.of(file.toString()),
                    "cannot read (" + e.getClass().getSimpleName() + "); skipped"));
        }
        for (InventoryReader reader : readers) {
            if (!reader.accepts(file, head)) {
                continue;
            }
            try {
                return new Outcome(file, reader.name(), reader.read(file), null);
            } catch (BadInputException e) {
                return new Outcome(file, reader.name(), null, new Problem(e.location(), e.reason()));
            } catch (RuntimeException e) {
                return new Outcome(file, reader.name(), null, new Problem(Location.of(file.toString()),
                        "reader " + reader.name() + " failed: " + e));
            }
        }
        return new Outcome(file, null, null, null);
    }

    private WalkResult assemble(Path root, List<Outcome> outcomes, List<Problem> problems) {
        List<FileRead> reads = new ArrayList<>();
        // Insertion-ordered so that targets come in the order of their first file.
        Map<Object, TargetBuilder> targets = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (o.reader() == null) {
                continue;
            }
            String relative = slashes(root.relativize(o.file()));
            if (o.result() == null) {
                Problem failure = Objects.requireNonNull(o.failure());
                problems.add(failure);
                reads.add(new FileRead(relative, o.reader(), 0, failure.message()));
                continue;
            }
            int count = 0;
            for (Target t : o.result().items()) {
                count += t.components().size();
                Optional<Path> osRoot = t.kind() == Target.Kind.APPLICATION ? Optional.empty()
                        : OsDatabases.rootOf(o.file());
                if (osRoot.isPresent()) {
                    Path systemRoot = osRoot.get();
                    targets.computeIfAbsent(systemRoot, k -> systemTarget(root, systemRoot, t)).add(t);
                } else {
                    // A lock file's target is its path; an SBOM that names its subject keeps that name too.
                    String name = t.kind() != Target.Kind.APPLICATION ? t.name()
                            : t.name().equals(t.source()) ? relative : relative + " (" + t.name() + ")";
                    targets.computeIfAbsent(relative + "\0" + t.name(),
                            k -> new TargetBuilder(name, t.kind(), t.source(), t.host())).add(t);
                }
            }
            problems.addAll(o.result().problems());
            reads.add(new FileRead(relative, o.reader(), count, null));
        }
        List<Target> built = targets.values().stream().map(TargetBuilder::build).toList();
        return new WalkResult(root.toString(), built, reads, problems);
    }

    private static TargetBuilder systemTarget(Path walked, Path systemRoot, Target first) {
        Path absoluteWalked = walked.toAbsolutePath().normalize();
        boolean live = systemRoot.getParent() == null;
        String label;
        if (live) {
            label = hostname(systemRoot).orElse("/");
        } else if (systemRoot.equals(absoluteWalked)) {
            Path name = absoluteWalked.getFileName();
            label = name == null ? "/" : name.toString();
        } else {
            label = slashes(absoluteWalked.relativize(systemRoot));
        }
        String source = live ? "/" : walked.resolve(absoluteWalked.relativize(systemRoot)).normalize().toString();
        return new TargetBuilder(label + " (" + first.name() + ")", live ? Target.Kind.HOST : Target.Kind.IMAGE,
                source.isEmpty() ? "." : source, first.host());
    }

    private static Optional<String> hostname(Path root) {
        try {
            List<String> lines = Files.readAllLines(root.resolve("etc/hostname"));
            return lines.isEmpty() || lines.get(0).isBlank() ? Optional.empty() : Optional.of(lines.get(0).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String slashes(Path relative) {
        String s = relative.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "patchgap-walk-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Gathers the components of one target from one or more files. */
    private static final class TargetBuilder {
        private final String name;
        private final Target.Kind kind;
        private final String source;
        private final @Nullable HostFacts host;
        private final List<Component> components = new ArrayList<>();

        TargetBuilder(String name, Target.Kind kind, String source, @Nullable HostFacts host) {
            this.name = name;
            this.kind = kind;
            this.source = source;
            this.host = host;
        }

        TargetBuilder add(Target target) {
            components.addAll(target.components());
            return this;
        }

        Target build() {
            return new Target(name, kind, source, components, host);
        }
    }
}
