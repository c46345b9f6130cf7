package org.patchgap.formats.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.patchgap.core.model.BadInputException;
import org.patchgap.formats.AdvisoryReader;
import org.patchgap.formats.InventoryReader;
import org.patchgap.formats.InventoryReaders;
import org.patchgap.formats.csaf.CsafAdvisoryReader;
import org.patchgap.formats.cyclonedx.CycloneDxVexReader;
import org.patchgap.formats.epss.EpssReader;
import org.patchgap.formats.ignore.IgnoreRules;
import org.patchgap.formats.kev.KevCatalog;
import org.patchgap.formats.nvd.NvdCveReader;
import org.patchgap.formats.openvex.OpenVexReader;
import org.patchgap.formats.osv.OsvReader;
import org.patchgap.formats.windows.WindowsAdvisories;

/**
 * Fuzz targets for every file reader (issue 15): whatever bytes a file holds, a reader gives a result (with
 * problems) or a {@link BadInputException}, never another exception or a hang. The first byte picks the reader,
 * the rest is the file, so that one target covers them all and its inputs say which reader they are for. In a
 * normal test run each replays its committed inputs
 * ({@code src/test/resources/org/patchgap/formats/fuzz/ReadersFuzzTestInputs/}); {@code ./fuzz} fuzzes them.
 */
class ReadersFuzzTest {

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("patchgap-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(byte[] content, String name) {
        try {
            return Files.write(DIR.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] rest(byte[] data) {
        return data.length == 0 ? data : java.util.Arrays.copyOfRange(data, 1, data.length);
    }

    /** Every inventory reader ({@link InventoryReaders#all}), called on the file whatever it accepts. */
    @FuzzTest(maxDuration = "60s")
    void inventoryReaders(byte[] data) {
        List<InventoryReader> readers = InventoryReaders.all();
        InventoryReader reader = readers.get(data.length == 0 ? 0 : Byte.toUnsignedInt(data[0]) % readers.size());
        Path file = file(rest(data), "input");
        try {
            reader.read(file);
        } catch (BadInputException refused) {
            // a clear error naming the place
        }
    }

    private static final List<AdvisoryReader> ADVISORIES = List.of(new OsvReader(), new CsafAdvisoryReader(),
            new OpenVexReader(), new CycloneDxVexReader());

    /** OSV, CSAF, OpenVEX, CycloneDX VEX, NVD, CISA KEV, FIRST EPSS, Microsoft CVRF/CSAF and ignore rule files. */
    @FuzzTest(maxDuration = "60s")
    void advisoryReaders(byte[] data) {
        int pick = data.length == 0 ? 0 : Byte.toUnsignedInt(data[0]) % (ADVISORIES.size() + 5);
        byte[] content = rest(data);
        try {
            if (pick < ADVISORIES.size()) {
                ADVISORIES.get(pick).read(file(content, "input.json"));
            } else {
                switch (pick - ADVISORIES.size()) {
                    case 0 -> new NvdCveReader().read(file(content, "nvd.json"), "https://services.nvd.nist.gov/rest/json/cves/2.0");
                    case 1 -> KevCatalog.read(file(content, "kev.json"));
                    case 2 -> new EpssReader().read(file(content, "epss.csv"), score -> { });
                    case 3 -> WindowsAdvisories.read(file(content, (content.length > 0 && content[0] == '<') ? "cvrf.xml" : "msrc.json"));
                    default -> IgnoreRules.read(file(content, ".patchgapignore"));
                }
            }
        } catch (BadInputException refused) {
            // a clear error naming the place
        }
    }
}
