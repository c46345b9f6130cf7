package org.patchgap.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.patchgap.core.model.BadInputException;
import org.patchgap.formats.InventoryReaders;
import org.patchgap.formats.walk.FileRead;
import org.patchgap.formats.walk.InventoryWalker;
import org.patchgap.formats.walk.WalkResult;

/**
 * Times walking a tree (issue 5) against what the disk must deliver for it. Wall time of whole walks, so a main
 * rather than JMH: one walk of 100k files takes seconds, and the first walk in a fresh JVM (JIT cold, page cache as
 * it is) matters as much as the warm ones, so both are printed.
 *
 * <p>Modes, each on a fixed pool of {@code threads} fed batches of files while the listing goes on, like the walker:
 * <ul>
 *   <li>{@code walk}: {@code new InventoryWalker(InventoryReaders.all(), List.of(), threads).walk(tree)};</li>
 *   <li>{@code io}: the I/O floor of that walk and our meaning of "disk speed": list the tree, read the first
 *       4 KiB of every file, and read in full the files the walker takes (found by one untimed walk first);</li>
 *   <li>{@code all}: list the tree and read every byte of every file ({@code Files.readAllBytes}).</li>
 * </ul>
 *
 * <pre>java -cp bench/target/benchmarks.jar org.patchgap.bench.WalkMeasurement TREE walk|io|all THREADS [RUNS]</pre>
 */
public final class WalkMeasurement {

    private WalkMeasurement() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: WalkMeasurement TREE walk|io|all THREADS [RUNS]");
            System.exit(2);
        }
        Path tree = Path.of(args[0]);
        String mode = args[1];
        int threads = Integer.parseInt(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Set<Path> taken = mode.equals("io") ? taken(tree) : Set.of();
        double[] seconds = new double[runs];
        Tally tally = null;
        WalkResult walked = null;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            switch (mode) {
                case "walk" -> walked = new InventoryWalker(InventoryReaders.all(), List.of(), threads).walk(tree);
                case "io" -> tally = read(tree, threads, taken, false);
                case "all" -> tally = read(tree, threads, taken, true);
                default -> throw new IllegalArgumentException("mode walk, io or all, was " + mode);
            }
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        if (walked != null) {
            tally = tally(tree, walked);
        }
        double first = seconds[0];
        double[] warm = runs > 1 ? Arrays.copyOfRange(seconds, 1, runs) : seconds;
        Arrays.sort(warm);
        double median = warm[warm.length / 2];
        System.out.printf(Locale.ROOT,
                "%s threads=%d files=%d MB=%.1f components=%d | first %.2f s | warm median %.2f s (min %.2f, max %.2f,"
                        + " n=%d) | warm %.0f files/s, %.1f MB/s, %.0f components/s%n",
                mode, threads, tally.files, tally.bytes / 1e6, tally.components, first, median, warm[0],
                warm[warm.length - 1], warm.length, tally.files / median, tally.bytes / 1e6 / median,
                tally.components / median);
    }

    /** Files, bytes read from disk and components found by one run. */
    private record Tally(long files, long bytes, long components) {}

    /** Counted after the timed walks, so that counting costs them nothing. */
    private static Tally tally(Path tree, WalkResult result) throws IOException {
        long components = result.targets().stream().mapToLong(t -> t.components().size()).sum();
        // What the walk read: every file's head, and the files a reader took in full (again).
        List<Path> files = list(tree);
        long bytes = 0;
        for (Path f : files) {
            bytes += Math.min(Files.size(f), InventoryReaders.HEAD_BYTES);
        }
        for (FileRead read : result.files()) {
            bytes += Files.size(tree.resolve(read.file()));
        }
        return new Tally(files.size(), bytes, components);
    }

    private static Set<Path> taken(Path tree) throws BadInputException {
        WalkResult result = new InventoryWalker(InventoryReaders.all(), List.of(), 1).walk(tree);
        Set<Path> taken = new HashSet<>();
        for (FileRead read : result.files()) {
            taken.add(tree.resolve(read.file()));
        }
        return taken;
    }

    /**
     * The floor, shaped like the walk: batches of 128 files go to the pool while the listing goes on, so a walk
     * that overlaps listing and reading is held against a floor that does the same.
     */
    private static Tally read(Path tree, int threads, Set<Path> taken, boolean everything) throws Exception {
        AtomicLong bytes = new AtomicLong();
        AtomicLong files = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        try {
            List<Path> batch = new ArrayList<>();
            Files.walkFileTree(tree, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        batch.add(file);
                        files.incrementAndGet();
                        if (batch.size() == 128) {
                            futures.add(submit(pool, List.copyOf(batch), everything, taken, bytes));
                            batch.clear();
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            futures.add(submit(pool, List.copyOf(batch), everything, taken, bytes));
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Tally(files.get(), bytes.get(), 0);
    }

    private static Future<?> submit(ExecutorService pool, List<Path> batch, boolean everything, Set<Path> taken,
            AtomicLong bytes) {
        return pool.submit(() -> {
            for (Path file : batch) {
                bytes.addAndGet(readOne(file, everything, taken.contains(file)));
            }
        });
    }

    private static long readOne(Path file, boolean everything, boolean taken) {
        try {
            if (everything) {
                return Files.readAllBytes(file).length;
            }
            long n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(InventoryReaders.HEAD_BYTES).length;
            }
            return taken ? n + Files.readAllBytes(file).length : n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path tree) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }
}
