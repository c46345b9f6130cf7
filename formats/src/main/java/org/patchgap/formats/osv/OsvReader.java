package org.patchgap.formats.osv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.AdvisoryReader;

/**
 * Reads OSV advisories (schema 1.x, JSON or YAML) from one file, a directory tree, or a zip dump as OSV
 * publishes per ecosystem ({@code all.zip}).
 *
 * <ul>
 *   <li>A file given directly must parse: broken syntax or an empty file is a {@link BadInputException} with
 *       the line and column. It may hold one record, an array of records, or {@code {"vulns": [...]}}.</li>
 *   <li>A directory is walked recursively for {@code .json}, {@code .yaml} and {@code .yml} files, in name
 *       order; hidden files and directories are skipped and symbolic links are never followed. A broken file
 *       is a problem and the walk goes on.</li>
 *   <li>A {@code .zip} is read entry by entry without unpacking; a broken entry is a problem, a corrupt or
 *       truncated archive is a {@link BadInputException}. Entries are located as {@code all.zip!/GHSA-x.json}.</li>
 * </ul>
 * Inside a record, what is skipped, dropped or kept with a warning is listed in docs/formats/osv.md.
 *
 * {@snippet :
 * ReadResult<Vulnerability> result = new OsvReader().read(Path.of("PyPI/all.zip"));
 * result.problems().forEach(System.err::println);
 * }
 */
public final class OsvReader implements AdvisoryReader {

    @Override
    public ReadResult<Vulnerability> read(Path path) throws BadInputException {
        return AdvisoryReader.collect(this, path);
    }

    @Override
    public List<Problem> readEach(Path path, Consumer<? super Vulnerability> records) throws BadInputException {
        if (!Files.exists(path)) {
            throw new BadInputException(Location.of(path.toString()), "no such file");
        }
        List<Problem> problems = new ArrayList<>();
        if (Files.isDirectory(path)) {
            readTree(path, records, problems);
        } else if (isZip(path)) {
            readZip(path, records, problems);
        } else {
            readSingleFile(path, records, problems);
        }
        return problems;
    }

    private static void readSingleFile(Path file, Consumer<? super Vulnerability> records, List<Problem> problems)
            throws BadInputException {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            readStream(in, name, OsvDocuments.Syntax.ofFileName(name), records, problems);
        } catch (MalformedDocumentException e) {
            throw new BadInputException(new Location(name, e.place()), e.getMessage());
        } catch (IOException e) {
            throw new BadInputException(Location.of(name), "cannot read: " + e.getMessage(), e);
        }
    }

    private static void readTree(Path root, Consumer<? super Vulnerability> records, List<Problem> problems)
            throws BadInputException {
        List<Path> files = new ArrayList<>();
        try {
            Path realRoot = root.toRealPath();
            // The root itself may be a link the user chose; below it, without FOLLOW_LINKS, a link is reported
            // as a file and never entered.
            Path start = Files.isSymbolicLink(root) ? realRoot : root;
            Files.walkFileTree(start, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(start) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (isHidden(file)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attrs.isSymbolicLink()) {
                                // Reported when it would have been read: a record file, or a directory.
                                boolean wanted = isRecordFile(file) || Files.isDirectory(file);
                                if (wanted && !leadsInside(file, realRoot)) {
                                    problems.add(new Problem(Location.of(file.toString()),
                                            "symbolic link leads out of " + root + "; not followed"));
                                }
                                // A link inside the tree names a file the walk reads anyway.
                            } else if (attrs.isRegularFile() && isRecordFile(file)) {
                                files.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            problems.add(new Problem(Location.of(file.toString()), "cannot read: " + e.getMessage()));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new BadInputException(Location.of(root.toString()), "cannot walk directory: " + e.getMessage(), e);
        }
        files.sort(null);
        for (Path file : files) {
            String name = file.toString();
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                readStream(in, name, OsvDocuments.Syntax.ofFileName(name), records, problems);
            } catch (MalformedDocumentException e) {
                problems.add(new Problem(new Location(name, e.place()), "skipped file: " + e.getMessage()));
            } catch (IOException e) {
                problems.add(new Problem(Location.of(name), "skipped file: cannot read: " + e.getMessage()));
            }
        }
    }

    /** The most one record file of a dump may expand to: OSV's largest records are a few MB. */
    static final long MAX_RECORD_FILE_BYTES = 256L << 20;

    private static void readZip(Path zip, Consumer<? super Vulnerability> records, List<Problem> problems)
            throws BadInputException {
        String zipName = zip.toString();
        // ZipFile reads the central directory first, so a truncated archive fails here and not half-way.
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            org.patchgap.formats.support.InputLimits.EntryCount count = new org.patchgap.formats.support.InputLimits.EntryCount(zipName);
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                count.next();
                if (entry.isDirectory() || !isRecordFile(entry.getName())) {
                    continue;
                }
                String name = zipName + "!/" + entry.getName();
                try (InputStream in = org.patchgap.formats.support.Decompression.bounded(archive.getInputStream(entry),
                        entry.getCompressedSize(), MAX_RECORD_FILE_BYTES)) {
                    readStream(in, name, OsvDocuments.Syntax.ofFileName(entry.getName()), records, problems);
                } catch (MalformedDocumentException e) {
                    problems.add(new Problem(new Location(name, e.place()), "skipped entry: " + e.getMessage()));
                } catch (org.patchgap.formats.support.Decompression.LimitException e) {
                    throw new BadInputException(Location.of(name), "zip entry " + e.getMessage(), e);
                } catch (IOException e) {
                    throw new BadInputException(Location.of(name),
                            "corrupt zip archive: cannot read entry: " + e.getMessage(), e);
                }
            }
        } catch (ZipException e) {
            throw new BadInputException(Location.of(zipName), "not a readable zip archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(Location.of(zipName), "cannot read: " + e.getMessage(), e);
        }
    }

    private static void readStream(InputStream in, String name, OsvDocuments.Syntax syntax,
                                   Consumer<? super Vulnerability> records, List<Problem> problems)
            throws MalformedDocumentException, IOException {
        OsvDocuments.read(in, syntax, (record, pointer) -> {
            Vulnerability vulnerability = OsvRecordMapper.map(record, name, pointer, problems);
            if (vulnerability != null) {
                records.accept(vulnerability);
            }
        });
    }

    private static boolean leadsInside(Path link, Path realRoot) {
        try {
            return link.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false; // a dangling link leads nowhere we read
        }
    }

    private static boolean isZip(Path file) {
        return file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static boolean isRecordFile(Path file) {
        return file.getFileName() != null && isRecordFile(file.getFileName().toString());
    }

    private static boolean isRecordFile(String name) {
        return OsvDocuments.endsWithIgnoreCase(name, ".json") || OsvDocuments.endsWithIgnoreCase(name, ".yaml")
                || OsvDocuments.endsWithIgnoreCase(name, ".yml");
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
