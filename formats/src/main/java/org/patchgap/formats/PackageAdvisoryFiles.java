package org.patchgap.formats;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.csaf.CsafAdvisoryReader;
import org.patchgap.formats.cyclonedx.CycloneDxVexReader;
import org.patchgap.formats.nvd.NvdCveReader;
import org.patchgap.formats.nvd.NvdPage;
import org.patchgap.formats.openvex.OpenVexReader;
import org.patchgap.formats.osv.OsvReader;

/**
 * Reads one file of package advisory records — the kinds that become {@link Vulnerability} records: OSV, CSAF,
 * OpenVEX, CycloneDX VEX and NVD pages — with the reader of its {@link AdvisoryFileKind}. Not thread-safe: one
 * instance per reading thread.
 */
public final class PackageAdvisoryFiles {

    private final OsvReader osv = new OsvReader();

    /** Whether files of {@code kind} hold package advisory records (KEV, EPSS and Microsoft updates do not). */
    public static boolean holdsRecords(AdvisoryFileKind kind) {
        return switch (kind) {
            case OSV, CSAF, OPENVEX, CYCLONEDX_VEX, NVD -> true;
            case MICROSOFT, KEV, EPSS, OTHER -> false;
        };
    }

    /**
     * Reads {@code file} as {@link #read} does, handing each record to {@code sink} as soon as it is read (OSV dumps
     * are streamed; the other kinds are small documents, read whole first).
     *
     * @return the problems {@link #read} would report
     */
    public List<Problem> readEach(Path file, AdvisoryFileKind kind, Consumer<? super Vulnerability> sink)
            throws BadInputException {
        if (kind == AdvisoryFileKind.OSV || kind == AdvisoryFileKind.OTHER) return osv.readEach(file, sink);
        ReadResult<Vulnerability> read = read(file, kind);
        read.items().forEach(sink);
        return read.problems();
    }

    /** The records of {@code file}, read as {@code kind}; {@link AdvisoryFileKind#OTHER} is read as OSV. */
    public ReadResult<Vulnerability> read(Path file, AdvisoryFileKind kind) throws BadInputException {
        return switch (kind) {
            case CSAF -> new CsafAdvisoryReader().read(file);
            case OPENVEX -> new OpenVexReader().read(file);
            // Among the advisories a CycloneDX BOM is read for its VEX; as a scan target it is an inventory.
            case CYCLONEDX_VEX -> new CycloneDxVexReader().read(file);
            case NVD -> {
                // The record's source names the file it came from: a local page has no API to point to.
                NvdPage page = new NvdCveReader().read(file, file.toString());
                yield new ReadResult<>(page.records(), page.problems());
            }
            case OSV, OTHER -> osv.read(file);
            case MICROSOFT, KEV, EPSS -> throw new IllegalArgumentException(kind + " files hold no package records: " + file);
        };
    }
}
