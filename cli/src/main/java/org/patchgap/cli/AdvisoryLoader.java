package org.patchgap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.EpssScore;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.windows.WindowsVulnerability;
import org.patchgap.formats.csaf.CsafAdvisoryReader;
import org.patchgap.formats.cyclonedx.CycloneDxVexReader;
import org.patchgap.formats.epss.EpssFile;
import org.patchgap.formats.epss.EpssReader;
import org.patchgap.formats.kev.KevCatalog;
import org.patchgap.formats.kev.KevEntry;
import org.patchgap.formats.nvd.NvdCveReader;
import org.patchgap.formats.nvd.NvdPage;
import org.patchgap.formats.openvex.OpenVexReader;
import org.patchgap.formats.osv.OsvReader;
import org.patchgap.formats.windows.WindowsAdvisories;

/**
 * Reads the {@code --advisories} paths, routing each file by its content to the reader of its kind: Microsoft
 * security updates (CVRF, CSAF) to the Windows reader, CISA's KEV catalog to the KEV reader, other CSAF documents
 * (advisories and VEX) to the CSAF reader, OpenVEX documents ({@code @context} {@code https://openvex.dev/ns}) to the
 * OpenVEX reader, CycloneDX BOMs ({@code bomFormat} {@code CycloneDX}) to the CycloneDX VEX reader (their
 * {@code vulnerabilities[]} analyses; a BOM without them is an error here: it is a scan target), FIRST's EPSS score file ({@code .csv}, {@code .csv.gz}) to the EPSS
 * reader, an NVD CVE API 2.0 response (a page of {@code vulnerabilities[].cve}) to the NVD reader (its CPE criteria
 * are matched against components' CPEs), everything else that looks like advisory data ({@code .json},
 * {@code .yaml}, {@code .yml},
 * {@code .zip}) to the OSV reader.
 *
 * <p>A file named on the command line must read, or the run stops with its error. In a directory (walked in name
 * order, hidden entries and symbolic links skipped, as the OSV reader does) a file that fails is a problem and the
 * walk goes on; files of other kinds (a README, SOURCES.md) are ignored.
 */
final class AdvisoryLoader {

    /** Everything read, by kind, and the problems met. */
    record Loaded(List<Vulnerability> packageAdvisories, List<WindowsVulnerability> windowsAdvisories,
            List<KevCatalog> kev, List<Problem> problems, Map<String, EpssScore> epss) {

        Loaded(List<Vulnerability> packageAdvisories, List<WindowsVulnerability> windowsAdvisories,
                List<KevCatalog> kev, List<Problem> problems) {
            this(packageAdvisories, windowsAdvisories, kev, problems, Map.of());
        }

        /** The KEV entry of {@code cve} in any catalog read. */
        Optional<KevEntry> kevEntry(String cve) {
            for (KevCatalog catalog : kev) {
                Optional<KevEntry> entry = catalog.lookup(cve);
                if (entry.isPresent()) return entry;
            }
            return Optional.empty();
        }
    }

    private enum Kind { OSV, WINDOWS, KEV, CSAF, OPENVEX, CYCLONEDX_VEX, EPSS, NVD, OTHER }

    private final OsvReader osv = new OsvReader();
    private final Map<String, EpssScore> epss = new HashMap<>();
    private final List<Vulnerability> packageAdvisories = new ArrayList<>();
    private final List<WindowsVulnerability> windowsAdvisories = new ArrayList<>();
    private final List<KevCatalog> kev = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    static Loaded load(List<Path> paths) throws BadInputException {
        AdvisoryLoader loader = new AdvisoryLoader();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                loader.walk(path);
            } else if (Files.exists(path)) {
                Kind kind = kindOf(path);
                // Named on the command line: read as what its name says, so that its error is that reader's.
                loader.read(path, kind != Kind.OTHER ? kind : isCsvName(path) ? Kind.EPSS : Kind.OSV);
            } else {
                throw new BadInputException(Location.of(path.toString()), "no such file or directory");
            }
        }
        return new Loaded(loader.packageAdvisories, loader.windowsAdvisories, loader.kev, loader.problems,
                loader.epss);
    }

    private void walk(Path root) throws BadInputException {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !hidden(file)) files.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(new Problem(Location.of(file.toString()), "cannot read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new BadInputException(Location.of(root.toString()), "cannot walk: " + e.getMessage(), e);
        }
        files.sort(null);
        for (Path file : files) {
            Kind kind = kindOf(file);
            if (kind == Kind.OTHER) continue;
            try {
                read(file, kind);
            } catch (BadInputException e) {
                problems.add(new Problem(e.location(), e.reason()));
            }
        }
    }

    private void read(Path file, Kind kind) throws BadInputException {
        switch (kind) {
            case WINDOWS -> {
                ReadResult<WindowsVulnerability> read = WindowsAdvisories.read(file);
                windowsAdvisories.addAll(read.items());
                problems.addAll(read.problems());
            }
            case KEV -> {
                ReadResult<KevCatalog> read = KevCatalog.read(file);
                kev.addAll(read.items());
                problems.addAll(read.problems());
            }
            case CSAF -> {
                ReadResult<Vulnerability> read = new CsafAdvisoryReader().read(file);
                packageAdvisories.addAll(read.items());
                problems.addAll(read.problems());
            }
            case OPENVEX -> {
                ReadResult<Vulnerability> read = new OpenVexReader().read(file);
                packageAdvisories.addAll(read.items());
                problems.addAll(read.problems());
            }
            case CYCLONEDX_VEX -> {
                // Among the advisories a CycloneDX BOM is read for its VEX; as a scan target it is an inventory.
                ReadResult<Vulnerability> read = new CycloneDxVexReader().read(file);
                packageAdvisories.addAll(read.items());
                problems.addAll(read.problems());
            }
            case EPSS -> {
                // A later file's score of a CVE replaces an earlier one's only when it is newer.
                EpssFile read = new EpssReader().read(file, score -> epss.merge(score.cve(), score,
                        (old, now) -> now.date().isBefore(old.date()) ? old : now));
                problems.addAll(read.problems());
            }
            case NVD -> {
                // The record's source names the file it came from: a local page has no API to point to.
                NvdPage read = new NvdCveReader().read(file, file.toString());
                packageAdvisories.addAll(read.records());
                problems.addAll(read.problems());
            }
            default -> {
                ReadResult<Vulnerability> read = osv.read(file);
                packageAdvisories.addAll(read.items());
                problems.addAll(read.problems());
            }
        }
    }

    /** The kind of an advisory file, from its name and its first 4 KiB, read once. */
    private static Kind kindOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isCsvName(file)) return looksLikeEpss(file) ? Kind.EPSS : Kind.OTHER;
        boolean json = name.endsWith(".json");
        if (!json && !name.endsWith(".xml")) {
            return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".zip") ? Kind.OSV : Kind.OTHER;
        }
        byte[] head = head(file);
        // The Windows reader takes any CSAF document; only Microsoft's are Windows updates.
        if (json && isCsaf(head) && !isMicrosoft(head)) return Kind.CSAF;
        if (json && OpenVexReader.isOpenVex(head)) return Kind.OPENVEX;
        if (json && CycloneDxVexReader.isCycloneDx(head)) return Kind.CYCLONEDX_VEX;
        if (WindowsAdvisories.isMicrosoftAdvisory(file, head)) return Kind.WINDOWS;
        if (json && KevCatalog.isKevCatalog(head)) return Kind.KEV;
        if (json && isNvdResponse(head)) return Kind.NVD;
        if (json) return Kind.OSV;
        return Kind.OTHER;
    }

    /**
     * Whether a JSON file's head is a CSAF document's: {@code csaf_version} within its {@code document} object,
     * which comes first in every publisher's documents we have seen (and in the schema's own order).
     */
    private static boolean isCsaf(byte[] head) {
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
        return text.contains("\"csaf_version\"") && text.contains("\"document\"");
    }

    /**
     * Whether a CSAF document's head names Microsoft (MSRC's publisher, or a {@code Microsoft} vendor branch, which
     * comes first in the product tree): those go to the Windows reader, which knows KBs and builds.
     */
    private static boolean isMicrosoft(byte[] head) {
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
        return text.contains("\"Microsoft") || text.contains("microsoft.com");
    }

    private static boolean isCsvName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz");
    }

    /** Whether a CSV file (gzip or plain) starts as FIRST's EPSS files do: the model comment line or the header. */
    private static boolean looksLikeEpss(Path file) {
        try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new java.util.zip.GZIPInputStream(raw) : raw;
            String head = new String(in.readNBytes(64), java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
            return head.startsWith("#model_version") || head.startsWith("cve,epss");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * An NVD CVE API 2.0 response: its {@code "format": "NVD_CVE"}, or the paging fields {@code totalResults} and
     * {@code startIndex} that no OSV record has.
     */
    private static boolean isNvdResponse(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        return NVD_FORMAT.matcher(text).find() || text.contains("\"totalResults\"") && text.contains("\"startIndex\"");
    }

    private static final Pattern NVD_FORMAT = Pattern.compile("\"format\"\\s*:\\s*\"NVD_CVE\"");

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4096);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
