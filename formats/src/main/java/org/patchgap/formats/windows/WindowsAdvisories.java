package org.patchgap.formats.windows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.windows.WindowsVulnerability;
import org.patchgap.formats.AdvisoryReader;

/**
 * The entry point for Microsoft advisories: reads Security Update Guide CVRF documents (and CSAF 2.0 documents
 * about Windows) from a file or a directory tree into {@link WindowsVulnerability}s, which {@link org.patchgap.core.windows.WindowsMatcher}
 * matches against Windows hosts.
 *
 * <pre>{@code
 * ReadResult<WindowsVulnerability> advisories = WindowsAdvisories.read(Path.of("examples/advisories"));
 * WindowsMatcher matcher = new WindowsMatcher(advisories.items());
 * }</pre>
 */
public final class WindowsAdvisories {

    private WindowsAdvisories() {}

    /** The same reading as an {@link AdvisoryReader} of the common model (see {@link WindowsVulnerability#toVulnerability()}). */
    public static AdvisoryReader asAdvisoryReader() {
        return path -> {
            ReadResult<WindowsVulnerability> r = readAll(path);
            return new ReadResult<Vulnerability>(
                    r.items().stream().map(WindowsVulnerability::toVulnerability).toList(), r.problems());
        };
    }

    /**
     * Reads {@code path}: a CSAF ({@code .json}) or CVRF file (anything else is bad input), or a directory, whose
     * {@code .xml} CVRF and {@code .json} CSAF documents are read, at any depth, in name order; other files (OSV,
     * KEV) are left to other readers. A broken
     * CVRF file inside a directory is reported as a problem and the others are read.
     */
    public static ReadResult<WindowsVulnerability> read(Path path) throws BadInputException {
        return readAll(path);
    }

    /** Whether {@code file} is a CVRF document, judged by its name and first bytes. */
    public static boolean isCvrf(Path file) {
        return hasSuffix(file, ".xml") && head(file).map(CvrfReader::looksLikeCvrf).orElse(false);
    }

    /** Whether {@code file} is a CSAF document, judged by its name and first bytes. */
    public static boolean isCsaf(Path file) {
        return hasSuffix(file, ".json") && head(file).map(CsafReader::looksLikeCsaf).orElse(false);
    }

    /**
     * Whether {@code file}, whose first bytes ({@code head}, up to 4 KiB) the caller has already read, is a CVRF or
     * CSAF document this reader takes: for callers that sniff many files and should read each head once.
     */
    public static boolean isMicrosoftAdvisory(Path file, byte[] head) {
        if (hasSuffix(file, ".xml")) return CvrfReader.looksLikeCvrf(WindowsText.decodeHead(head));
        if (hasSuffix(file, ".json")) return CsafReader.looksLikeCsaf(WindowsText.decodeHead(head));
        return false;
    }

    private static boolean hasSuffix(Path file, String suffix) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix);
    }

    private static java.util.Optional<String> head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Optional.of(WindowsText.decodeHead(in.readNBytes(4096)));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static ReadResult<WindowsVulnerability> readOne(Path file) throws BadInputException {
        return isCsaf(file) ? CsafReader.read(file) : CvrfReader.read(file);
    }

    private static ReadResult<WindowsVulnerability> readAll(Path path) throws BadInputException {
        if (!Files.exists(path)) throw new BadInputException(Location.of(path.toString()), "no such file or directory");
        if (!Files.isDirectory(path)) return readOne(path);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile).filter(f -> isCvrf(f) || isCsaf(f)).sorted().toList();
        } catch (NoSuchFileException e) {
            throw new BadInputException(Location.of(path.toString()), "no such directory");
        } catch (IOException e) {
            throw new BadInputException(Location.of(path.toString()), "cannot list: " + e.getMessage(), e);
        }
        List<WindowsVulnerability> items = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path f : files) {
            try {
                ReadResult<WindowsVulnerability> r = readOne(f);
                items.addAll(r.items());
                problems.addAll(r.problems());
            } catch (BadInputException e) {
                problems.add(new Problem(e.location(), e.reason()));
            }
        }
        return new ReadResult<>(items, problems);
    }
}
