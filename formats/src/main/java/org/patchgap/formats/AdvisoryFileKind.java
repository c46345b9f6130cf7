package org.patchgap.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.patchgap.formats.cyclonedx.CycloneDxVexReader;
import org.patchgap.formats.kev.KevCatalog;
import org.patchgap.formats.openvex.OpenVexReader;
import org.patchgap.formats.windows.WindowsAdvisories;

/**
 * What kind of advisory data a file holds, told from its name and its first 4 KiB, so that {@code scan
 * --advisories} and {@code db import} route a file — or each file of a directory — to the same reader.
 */
public enum AdvisoryFileKind {
    /** OSV records: {@code .json}, {@code .yaml}/{@code .yml}, or a zip dump of them; JSON that is nothing else. */
    OSV,
    /** A CSAF 2.0 document of any publisher but Microsoft (advisories and VEX). */
    CSAF,
    /** An OpenVEX document. */
    OPENVEX,
    /** A CycloneDX BOM, read for its {@code vulnerabilities[].analysis} (VEX) when given as advisories. */
    CYCLONEDX_VEX,
    /** Microsoft's security updates: CVRF 1.2 XML or CSAF 2.0 naming Microsoft (KBs and builds for Windows hosts). */
    MICROSOFT,
    /** CISA's Known Exploited Vulnerabilities catalog. */
    KEV,
    /** FIRST's EPSS scores, plain or gzip CSV. */
    EPSS,
    /** A page of NVD's CVE API 2.0. */
    NVD,
    /** None of the above: in a directory it is ignored (a README, a SOURCES.md). */
    OTHER;

    private static final int HEAD = 4096;
    private static final Pattern NVD_FORMAT = Pattern.compile("\"format\"\\s*:\\s*\"NVD_CVE\"");

    /** The kind of {@code file}; a file that cannot be read is {@link #OTHER} (its reader reports why). */
    public static AdvisoryFileKind of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isCsvName(file)) return looksLikeEpss(file) ? EPSS : OTHER;
        boolean json = name.endsWith(".json");
        if (!json && !name.endsWith(".xml")) {
            return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".zip") ? OSV : OTHER;
        }
        byte[] head = head(file);
        // The Windows reader takes any CSAF document; only Microsoft's are Windows updates.
        if (json && isCsaf(head) && !namesMicrosoft(head)) return CSAF;
        if (json && OpenVexReader.isOpenVex(head)) return OPENVEX;
        if (json && CycloneDxVexReader.isCycloneDx(head)) return CYCLONEDX_VEX;
        if (WindowsAdvisories.isMicrosoftAdvisory(file, head)) return MICROSOFT;
        if (json && KevCatalog.isKevCatalog(head)) return KEV;
        if (json && isNvdResponse(head)) return NVD;
        return json ? OSV : OTHER;
    }

    /** Whether the name says CSV ({@code .csv}, {@code .csv.gz}): named on its own, such a file is read as EPSS. */
    public static boolean isCsvName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz");
    }

    /**
     * Whether a JSON file's head is a CSAF document's: {@code csaf_version} within its {@code document} object,
     * which comes first in every publisher's documents we have seen (and in the schema's own order).
     */
    private static boolean isCsaf(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        return text.contains("\"csaf_version\"") && text.contains("\"document\"");
    }

    /**
     * Whether a CSAF document's head names Microsoft (MSRC's publisher, or a {@code Microsoft} vendor branch, which
     * comes first in the product tree): those go to the Windows reader, which knows KBs and builds.
     */
    private static boolean namesMicrosoft(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        return text.contains("\"Microsoft") || text.contains("microsoft.com");
    }

    /** Whether a CSV file (gzip or plain) starts as FIRST's EPSS files do: the model comment line or the header. */
    private static boolean looksLikeEpss(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            String head = new String(in.readNBytes(64), StandardCharsets.UTF_8).replace("\uFEFF", "");
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

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
