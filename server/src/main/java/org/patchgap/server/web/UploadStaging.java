package org.patchgap.server.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.patchgap.server.TempFiles;

/**
 * An uploaded body staged on disk, because the engine's readers read files and route them by name and first
 * bytes, as the CLI does. The name is the client's ({@code ?filename=}), else one guessed from the first byte
 * ({@code {} → .json, {@code <} → .xml); a zip named {@code .zip} (or unnamed) can be expanded into a tree that is
 * then walked like a directory given to the CLI — how a Windows host's several exports travel together.
 *
 * <p>Expansion is bounded: entry count, total size and compression ratio (zip bombs), and every entry must stay
 * inside the staging directory (zip slip).
 */
public final class UploadStaging implements AutoCloseable {

    static final int MAX_ENTRIES = 100_000;
    static final long MAX_EXPANDED_BYTES = 1L << 30;
    static final int MAX_RATIO = 200;

    private final Path dir;
    private final Path path;
    private final boolean tree;

    private UploadStaging(Path dir, Path path, boolean tree) {
        this.dir = dir;
        this.path = path;
        this.tree = tree;
    }

    /**
     * @param expandZip whether a zip that is not a Java archive is expanded into a tree (inventories) or kept as
     *                  one file (advisories: OSV's dumps are zips the OSV reader reads)
     */
    public static UploadStaging of(byte[] body, @Nullable String filename, boolean expandZip) throws IOException {
        return of(body, filename, expandZip, "upload");
    }

    /**
     * @param treeName the name of the expanded tree's root: readers that name a host after its directory (the SMB
     *                 settings export) then name it after the target
     */
    public static UploadStaging of(byte[] body, @Nullable String filename, boolean expandZip, String treeName)
            throws IOException {
        if (body.length == 0) throw ApiException.badRequest("the request body is empty");
        String name = fileName(body, filename);
        Path dir = Files.createTempDirectory("patchgap-upload");
        try {
            if (expandZip && isZip(body) && (filename == null || name.toLowerCase(Locale.ROOT).endsWith(".zip"))) {
                Path root = Files.createDirectory(dir.resolve(treeName));
                expand(body, root);
                return new UploadStaging(dir, root, true);
            }
            Path file = dir.resolve(name);
            Files.write(file, body);
            return new UploadStaging(dir, file, false);
        } catch (IOException | RuntimeException e) {
            TempFiles.deleteTree(dir);
            throw e;
        }
    }

    /** A file or a directory tree of this machine staged as if uploaded (the demo's inventories). */
    public static UploadStaging copyOf(Path source, String treeName) throws IOException {
        Path dir = Files.createTempDirectory("patchgap-upload");
        try {
            if (Files.isDirectory(source)) {
                Path root = Files.createDirectory(dir.resolve(treeName));
                try (var files = Files.walk(source)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Path to = root.resolve(source.relativize(p).toString());
                        if (Files.isDirectory(p)) Files.createDirectories(to); else Files.copy(p, to);
                    }
                }
                return new UploadStaging(dir, root, true);
            }
            Path file = dir.resolve(source.getFileName().toString());
            Files.copy(source, file);
            return new UploadStaging(dir, file, false);
        } catch (IOException | RuntimeException e) {
            TempFiles.deleteTree(dir);
            throw e;
        }
    }

    /** The staged file, or the root of the expanded tree. */
    public Path path() {
        return path;
    }

    public boolean isTree() {
        return tree;
    }

    /** The name the upload is reported under in locations and findings. */
    public String displayName() {
        return path.getFileName().toString();
    }

    @Override
    public void close() {
        TempFiles.deleteTree(dir);
    }

    static String fileName(byte[] body, @Nullable String filename) {
        if (filename != null && !filename.isBlank()) {
            String base = filename.replace('\\', '/');
            base = base.substring(base.lastIndexOf('/') + 1);
            if (base.isEmpty() || base.equals(".") || base.equals("..") || base.length() > 200
                    || base.chars().anyMatch(c -> c < 0x20)) {
                throw ApiException.badRequest("filename must be a plain file name (no directories), at most 200 characters");
            }
            return base;
        }
        int first = firstNonSpace(body);
        if (isZip(body)) return "upload.zip";
        if (first == '{' || first == '[') return "upload.json";
        if (first == '<') return "upload.xml";
        return "upload.txt";
    }

    private static int firstNonSpace(byte[] body) {
        int i = 0;
        // A UTF-8 byte-order mark is not content.
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) i = 3;
        while (i < body.length && Character.isWhitespace(body[i])) i++;
        return i < body.length ? body[i] : -1;
    }

    static boolean isZip(byte[] body) {
        return body.length >= 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4;
    }

    private static void expand(byte[] body, Path root) throws IOException {
        long total = 0;
        int entries = 0;
        long limit = Math.min(MAX_EXPANDED_BYTES, (long) body.length * MAX_RATIO + (1 << 20));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
            ZipEntry entry;
            byte[] buffer = new byte[1 << 16];
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw ApiException.badRequest("the zip has more than " + MAX_ENTRIES + " entries");
                }
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root) || entry.getName().startsWith("/")) {
                    throw ApiException.badRequest("zip entry " + entry.getName() + " points outside the archive");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (OutputStream file = Files.newOutputStream(out)) {
                    int n;
                    while ((n = zip.read(buffer)) > 0) {
                        total += n;
                        if (total > limit) {
                            throw ApiException.badRequest("the zip expands to more than " + limit
                                    + " bytes (at most " + MAX_RATIO + " times its size, and 1 GiB)");
                        }
                        file.write(buffer, 0, n);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw ApiException.badRequest("not a readable zip: " + e.getMessage());
        }
        if (entries == 0) throw ApiException.badRequest("the zip is empty");
    }

    /** Reads a request body, refusing one above the limit instead of holding it all. */
    public static byte[] readBounded(InputStream in, long limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw new ApiException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "too_large",
                    "the body is larger than " + limit + " bytes (patchgap.max-upload-bytes)");
        }
        return bytes;
    }
}
