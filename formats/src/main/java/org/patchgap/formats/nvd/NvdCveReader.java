package org.patchgap.formats.nvd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.cpe.CpeName;
import org.patchgap.core.cpe.MalformedCpeException;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.cvss.CvssScores;
import org.patchgap.formats.cvss.CvssVersion;
import org.patchgap.formats.cvss.InvalidCvssVectorException;
import org.patchgap.formats.support.CweIds;

/**
 * Reads one page of the NVD CVE API 2.0: {@code resultsPerPage}, {@code startIndex}, {@code totalResults} and
 * {@code vulnerabilities[].cve} with {@code id}, {@code published}, {@code lastModified}, {@code vulnStatus},
 * {@code descriptions}, {@code metrics} (CVSS v4.0, v3.1, v3.0, v2), {@code references} and
 * {@code configurations[].nodes[].cpeMatch[]}.
 *
 * <p>Mapping: the record's id is the CVE id (so it meets OSV records through their aliases); the summary is
 * the English description; every distinct CVSS vector becomes a severity, primary (NVD's own) scores first;
 * a {@code Rejected} CVE is withdrawn at its {@code lastModified}. Each vulnerable {@code cpeMatch} becomes an
 * {@link AffectedPackage} of ecosystem {@value #CPE_ECOSYSTEM} named by its CPE 2.3 {@code criteria}, with
 * its version bounds as one {@code ECOSYSTEM} range: {@code versionStartIncluding} is {@code introduced},
 * {@code versionEndExcluding} is {@code fixed}, {@code versionEndIncluding} is {@code last_affected}.
 * {@code versionStartExcluding} has no OSV equivalent: it is kept as {@code introduced}, which claims one
 * version more than NVD does (a false positive on exactly that version, never a missed one). A criteria
 * without bounds and with version {@code *} gets {@code introduced 0}; one naming a version lists it in
 * {@code versions}. Non-vulnerable matches (the platform half of an {@code AND} node) are not kept. CWE ids of
 * {@code weaknesses} become the record's weaknesses.
 *
 * <pre>{@code
 * NvdPage page = new NvdCveReader().read(Path.of("page.json"), "https://services.nvd.nist.gov/rest/json/cves/2.0");
 * }</pre>
 */
public final class NvdCveReader {

    /** The ecosystem of affected packages named by a CPE 2.3 formatted string. */
    public static final String CPE_ECOSYSTEM = "CPE";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final List<String> METRICS = List.of("cvssMetricV40", "cvssMetricV31", "cvssMetricV30",
            "cvssMetricV2");

    /**
     * Reads {@code file}, one API response.
     *
     * @param apiUrl the API's URL; each record's {@code source} is {@code <apiUrl>?cveId=<id>}, which
     *               fetches that record alone
     * @throws BadInputException when the file is not JSON or not a CVE API response
     */
    public NvdPage read(Path file, String apiUrl) throws BadInputException {
        JsonNode root;
        try {
            org.patchgap.formats.support.InputLimits.requireReadableWhole(file);
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new BadInputException(new Location(file.toString(), "line " + e.getLocation().getLineNr()),
                    "not JSON: expected an NVD CVE API 2.0 response");
        } catch (IOException e) {
            throw new BadInputException(Location.of(file.toString()), "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(Location.of(file.toString()), "expected an NVD CVE API 2.0 response object");
        }
        JsonNode list = root.path("vulnerabilities");
        if (!root.path("totalResults").isInt() || !root.path("startIndex").isInt() || !list.isArray()) {
            throw new BadInputException(new Location(file.toString(), "/"),
                    "expected an NVD CVE API 2.0 response: integers totalResults, startIndex and an array "
                            + "vulnerabilities");
        }
        List<Vulnerability> records = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "/vulnerabilities/" + i + "/cve";
            try {
                records.add(cve(list.get(i).path("cve"), at, file.toString(), apiUrl, problems));
            } catch (BadRecord e) {
                problems.add(new Problem(new Location(file.toString(), e.at), "skipped CVE: " + e.getMessage()));
            }
        }
        return new NvdPage(root.get("startIndex").asInt(), root.get("totalResults").asInt(), list.size(), records,
                problems);
    }

    private static Vulnerability cve(JsonNode cve, String at, String file, String apiUrl, List<Problem> problems)
            throws BadRecord {
        if (!cve.isObject()) {
            throw new BadRecord(at, "expected an object");
        }
        String id = cve.path("id").asText("");
        if (!CVE_ID.matcher(id).matches()) {
            throw new BadRecord(at + "/id", "expected a CVE id like CVE-2021-44228, found '" + id + "'");
        }
        Instant published = instant(cve.path("published"), at + "/published");
        Instant modified = instant(cve.path("lastModified"), at + "/lastModified");
        Instant withdrawn = "Rejected".equals(cve.path("vulnStatus").asText()) ? modified : null;
        String summary = null;
        for (JsonNode d : cve.path("descriptions")) {
            if ("en".equals(d.path("lang").asText()) && d.path("value").isTextual()) {
                summary = d.get("value").asText();
                break;
            }
        }
        List<Severity> severities = severities(cve.path("metrics"), at + "/metrics", file, problems);
        Set<String> references = new LinkedHashSet<>();
        for (JsonNode r : cve.path("references")) {
            if (r.path("url").isTextual()) {
                references.add(r.get("url").asText());
            }
        }
        List<AffectedPackage> affected = affected(cve.path("configurations"), at + "/configurations", file,
                problems);
        return new Vulnerability(id, List.of(), summary, published, modified, withdrawn, severities, affected,
                List.copyOf(references), apiUrl + "?cveId=" + id, List.of(), weaknesses(cve.path("weaknesses")));
    }

    /**
     * The CWE ids of every {@code weaknesses[].description[]}, NVD's own ({@code Primary}) and the CNA's alike;
     * NVD's placeholders {@code NVD-CWE-Other} and {@code NVD-CWE-noinfo} mean "not classified" and are dropped.
     */
    private static List<String> weaknesses(JsonNode weaknesses) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode w : weaknesses) {
            for (JsonNode d : w.path("description")) {
                String cwe = CweIds.normalize(d.path("value").asText(null));
                if (cwe != null) ids.add(cwe);
            }
        }
        return List.copyOf(ids);
    }

    private static List<Severity> severities(JsonNode metrics, String at, String file, List<Problem> problems) {
        List<Severity> primary = new ArrayList<>();
        List<Severity> secondary = new ArrayList<>();
        Set<String> vectors = new LinkedHashSet<>();
        for (String kind : METRICS) {
            JsonNode list = metrics.path(kind);
            for (int i = 0; i < list.size(); i++) {
                JsonNode vectorNode = list.get(i).path("cvssData").path("vectorString");
                if (!vectorNode.isTextual() || !vectors.add(vectorNode.asText())) {
                    continue;
                }
                String vector = vectorNode.asText();
                Severity severity;
                try {
                    severity = CvssScores.severity(vector);
                } catch (InvalidCvssVectorException e) {
                    problems.add(new Problem(new Location(file, at + "/" + kind + "/" + i + "/cvssData/vectorString"),
                            "severity kept without level: " + e.getMessage()));
                    severity = new Severity(SeverityLevel.UNKNOWN, null, vector, typeOf(kind));
                }
                ("Primary".equals(list.get(i).path("type").asText()) ? primary : secondary).add(severity);
            }
        }
        primary.addAll(secondary);
        return primary;
    }

    private static String typeOf(String metric) {
        return switch (metric) {
            case "cvssMetricV40" -> "CVSS_V4";
            case "cvssMetricV2" -> CvssVersion.V2.osvType();
            default -> CvssVersion.V3_1.osvType();
        };
    }

    private static List<AffectedPackage> affected(JsonNode configurations, String at, String file,
                                                  List<Problem> problems) {
        Set<AffectedPackage> packages = new LinkedHashSet<>();
        for (int c = 0; c < configurations.size(); c++) {
            JsonNode nodes = configurations.get(c).path("nodes");
            for (int n = 0; n < nodes.size(); n++) {
                JsonNode matches = nodes.get(n).path("cpeMatch");
                for (int m = 0; m < matches.size(); m++) {
                    JsonNode match = matches.get(m);
                    if (!match.path("vulnerable").asBoolean(false)) {
                        continue;
                    }
                    String place = at + "/" + c + "/nodes/" + n + "/cpeMatch/" + m;
                    String criteria = match.path("criteria").asText("");
                    CpeName name;
                    try {
                        name = CpeName.parse(criteria);
                    } catch (MalformedCpeException e) {
                        problems.add(new Problem(new Location(file, place + "/criteria"),
                                "CPE match skipped: " + e.getMessage()));
                        continue;
                    }
                    if (!criteria.regionMatches(true, 0, "cpe:2.3:", 0, 8)) {
                        problems.add(new Problem(new Location(file, place + "/criteria"),
                                "CPE match skipped: expected a CPE 2.3 formatted string, found '" + criteria + "'"));
                        continue;
                    }
                    String version = name.version().isAny() ? "*" : name.version().isNa() ? "-" : name.version().text();
                    packages.add(cpePackage(criteria, version, match));
                }
            }
        }
        return List.copyOf(packages);
    }

    private static AffectedPackage cpePackage(String criteria, String version, JsonNode match) {
        String start = text(match, "versionStartIncluding");
        if (start == null) {
            start = text(match, "versionStartExcluding"); // no OSV equivalent: one version too many, never too few
        }
        String endExcluding = text(match, "versionEndExcluding");
        String endIncluding = text(match, "versionEndIncluding");
        List<RangeEvent> events = new ArrayList<>();
        if (start != null || endExcluding != null || endIncluding != null || version.equals("*")) {
            events.add(RangeEvent.introduced(start == null ? "0" : start));
            if (endExcluding != null) {
                events.add(RangeEvent.fixed(endExcluding));
            } else if (endIncluding != null) {
                events.add(RangeEvent.lastAffected(endIncluding));
            }
        }
        List<AffectedRange> ranges = events.isEmpty() ? List.of()
                : List.of(new AffectedRange(AffectedRange.Type.ECOSYSTEM, null, events));
        List<String> versions = events.isEmpty() && !version.equals("-") ? List.of(version) : List.of();
        return new AffectedPackage(CPE_ECOSYSTEM, criteria, null, ranges, versions, null);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    /** NVD writes local date-times without offset ({@code 2021-12-10T10:15:09.143}), meaning UTC. */
    private static @Nullable Instant instant(JsonNode node, String at) throws BadRecord {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = node.asText();
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw new BadRecord(at, "expected a date-time like 2021-12-10T10:15:09.143, found '" + text + "'");
            }
        }
    }

    /** An entry that cannot be kept, with the JSON pointer of its fault. */
    private static final class BadRecord extends Exception {
        private final String at;

        BadRecord(String at, String message) {
            super(message);
            this.at = at;
        }
    }
}
