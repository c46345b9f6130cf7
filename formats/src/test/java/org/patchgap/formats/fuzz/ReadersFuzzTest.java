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

    /** Readers whose files are text with a grammar of their own (lockfiles, package databases, exports). */
    private static final List<InventoryReader> TEXT = family("YarnLockReader", "PnpmLockReader", "RequirementsReader",
            "PoetryLockReader", "UvLockReader", "GradleLockfileReader", "GoModReader", "CargoLockReader",
            "GemfileLockReader", "DpkgStatusReader", "ApkInstalledReader", "RpmQaReader", "SpdxTagValueReader",
            "SysteminfoReader", "WmicQfeReader");
    /** Readers of binary files: RPM's three databases and Java archives. */
    private static final List<InventoryReader> BINARY = family("RpmDbReader", "RpmBdbReader", "RpmNdbReader",
            "JavaArchiveReader");
    /** Readers of JSON and XML documents. */
    private static final List<InventoryReader> STRUCTURED = family("CycloneDxReader", "PackageLockReader",
            "PipfileLockReader", "ComposerLockReader", "PackagesLockReader", "SpdxJsonReader", "OsqueryReader",
            "GetComputerInfoJsonReader", "GetHotFixJsonReader", "SmbConfigurationJsonReader", "OsqueryWindowsReader",
            "PomReader");

    private static List<InventoryReader> family(String... names) {
        List<String> wanted = List.of(names);
        List<InventoryReader> out = InventoryReaders.all().stream()
                .filter(r -> wanted.contains(r.getClass().getSimpleName())).toList();
        if (out.size() != names.length) throw new IllegalStateException("a reader was renamed: " + wanted);
        return out;
    }

    private static void readWithOneOf(List<InventoryReader> readers, byte[] data) {
        InventoryReader reader = readers.get(data.length == 0 ? 0 : Byte.toUnsignedInt(data[0]) % readers.size());
        try {
            reader.read(file(rest(data), "input"));
        } catch (BadInputException refused) {
            // a clear error naming the place
        }
    }

    /** The text grammars, each with a budget of its own share (the first byte picks among 15). */
    @FuzzTest(maxDuration = "60s")
    void textInventories(byte[] data) {
        readWithOneOf(TEXT, data);
    }

    /** RPM's SQLite, Berkeley DB and NDB databases and Java archives (the first byte picks among 4). */
    @FuzzTest(maxDuration = "60s")
    void binaryInventories(byte[] data) {
        readWithOneOf(BINARY, data);
    }

    /** CycloneDX (JSON and XML), SPDX JSON, the JSON lockfiles, POMs, osquery and the Windows JSON exports. */
    @FuzzTest(maxDuration = "60s")
    void structuredInventories(byte[] data) {
        readWithOneOf(STRUCTURED, data);
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

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * Advisory drafts, what a disclosure case's coordinators submit for publication: a draft is read or refused with
     * its problems ({@code InvalidDraftException}); when read, both writers write it without an exception.
     */
    @FuzzTest(maxDuration = "60s")
    void advisoryDrafts(byte[] data) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = JSON.readTree(data);
        } catch (java.io.IOException notJson) {
            return; // the server refuses it before the reader sees it
        }
        try {
            org.patchgap.formats.advisory.AdvisoryDraft draft =
                    org.patchgap.formats.advisory.AdvisoryDraftReader.read(root, "draft.json");
            java.time.Instant at = java.time.Instant.parse("2026-12-07T10:00:00Z");
            org.patchgap.formats.advisory.CsafAdvisoryWriter.bytes(draft, new org.patchgap.formats.advisory.CsafAdvisoryWriter
                    .Publication("FUZZ-2026-0001", "fuzz", "https://fuzz.invalid", at, "test", "https://fuzz.invalid/x.json"));
            org.patchgap.formats.advisory.OsvAdvisoryWriter.bytes(draft, "FUZZ-2026-0001", at, "https://fuzz.invalid/x.json");
        } catch (org.patchgap.formats.advisory.AdvisoryDraftReader.InvalidDraftException refused) {
            // every problem named at its JSON path
        }
    }
}
