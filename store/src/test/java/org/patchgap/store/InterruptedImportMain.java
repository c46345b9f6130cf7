package org.patchgap.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Run in a child JVM by {@link AtomicityTest}: imports the given files and, once the new database file is half
 * written, announces it on standard output and waits to be killed.
 */
public final class InterruptedImportMain {

    private InterruptedImportMain() {}

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        List<Path> files = java.util.Arrays.stream(args).skip(1).map(Path::of).toList();
        ProgressListener stallAfterFirstSegment = new ProgressListener() {
            @Override
            public void written(String what) {
                System.out.println("HALF-WRITTEN");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        new DatabaseImporter(directory, path -> {
            throw new AssertionError("no OSV input here");
        }, Clock.systemUTC()).importPaths(files, stallAfterFirstSegment);
        System.out.println("FINISHED");
    }
}
