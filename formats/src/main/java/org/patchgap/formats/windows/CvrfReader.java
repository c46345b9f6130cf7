package org.patchgap.formats.windows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.windows.AffectedWindowsProduct;
import org.patchgap.core.windows.Kb;
import org.patchgap.core.windows.WindowsBuild;
import org.patchgap.core.windows.WindowsFix;
import org.patchgap.core.windows.WindowsProduct;
import org.patchgap.core.windows.WindowsProducts;
import org.patchgap.core.windows.WindowsVulnerability;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A Microsoft Security Update Guide CVRF document ({@code cvrfdoc}: the monthly {@code 2017-Mar} documents of
 * the MSRC API, written with the ICASI CVRF 1.1 namespaces, and OASIS CVRF 1.2 documents; elements are matched by
 * local name so either namespace works). Read: the product tree ({@code FullProductName/@ProductID}), and per
 * {@code Vulnerability} its {@code CVE}, {@code Title}, description note, {@code Known Affected} products,
 * {@code Severity} threats and CVSS score sets per product, and remediations: {@code Vendor Fix} (KB number in
 * {@code Description}, {@code SubType}, {@code FixedBuild}, {@code Supercedence} (sic)) and {@code Workaround} /
 * {@code Mitigation} texts. Products that are not Windows operating systems are left out.
 */
final class CvrfReader {

    private static final Pattern KB_IN_URL = Pattern.compile("(?i)(?:KB|q=|kbid=)(\\d{6,8})");
    private static final Pattern KB_LIST_SEPARATOR = Pattern.compile("[,;\\s]+");

    private CvrfReader() {}

    /** Whether {@code head} (decoded) is the start of a CVRF document. */
    static boolean looksLikeCvrf(String head) {
        return head.contains("cvrfdoc");
    }

    static ReadResult<WindowsVulnerability> read(Path file) throws BadInputException {
        Document doc = parse(file);
        Element root = doc.getDocumentElement();
        if (!"cvrfdoc".equals(root.getLocalName())) {
            throw new BadInputException(Location.of(file.toString()),
                    "not a CVRF document (expected root element cvrfdoc, found " + root.getLocalName() + ")");
        }
        String source = file.toString();
        String documentId = path(root, "DocumentTracking", "Identification", "ID").map(CvrfReader::text)
                .orElseGet(() -> child(root, "DocumentTitle").map(CvrfReader::text).orElse(file.getFileName().toString()));
        Instant published = path(root, "DocumentTracking", "InitialReleaseDate").map(CvrfReader::text)
                .flatMap(CvrfReader::instant).orElse(null);

        Map<String, String> productNames = new LinkedHashMap<>();
        child(root, "ProductTree").ifPresent(tree -> products(tree, productNames));

        List<WindowsVulnerability> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Element> vulns = children(root, "Vulnerability");
        for (int i = 0; i < vulns.size(); i++) {
            Element v = vulns.get(i);
            String place = "Vulnerability[" + (i + 1) + "]";
            Optional<String> cve = child(v, "CVE").map(CvrfReader::text).filter(s -> !s.isEmpty());
            if (cve.isEmpty()) {
                problems.add(new Problem(new Location(source, place), "no CVE; vulnerability skipped"));
                continue;
            }
            vulnerability(v, cve.get(), documentId, published, productNames, source, place + " (" + cve.get() + ")", problems)
                    .ifPresent(out::add);
        }
        return new ReadResult<>(out, problems);
    }

    private static Optional<WindowsVulnerability> vulnerability(Element v, String cve, String documentId,
            @Nullable Instant published, Map<String, String> productNames, String source, String place,
            List<Problem> problems) {
        // Affected Windows products.
        Set<String> affectedIds = new LinkedHashSet<>();
        child(v, "ProductStatuses").ifPresent(ps -> children(ps, "Status").stream()
                .filter(s -> s.getAttribute("Type").equalsIgnoreCase("Known Affected"))
                .forEach(s -> children(s, "ProductID").forEach(p -> affectedIds.add(text(p)))));
        Map<String, WindowsProduct> windows = new LinkedHashMap<>();
        for (String id : affectedIds) {
            String name = productNames.get(id);
            if (name == null) {
                problems.add(new Problem(new Location(source, place), "ProductID " + id + " is not in the product tree; ignored"));
                continue;
            }
            WindowsProducts.parseName(name).ifPresent(p -> windows.put(id, p));
        }
        if (windows.isEmpty()) return Optional.empty(); // not about Windows itself

        // Severity per product: the word from the Severity threat, the score and vector from the CVSS score set.
        Map<String, SeverityLevel> words = new HashMap<>();
        child(v, "Threats").ifPresent(t -> children(t, "Threat").stream()
                .filter(th -> th.getAttribute("Type").equalsIgnoreCase("Severity"))
                .forEach(th -> {
                    Optional<SeverityLevel> level = child(th, "Description").map(CvrfReader::text).flatMap(SeverityLevel::fromWord);
                    level.ifPresent(l -> productIds(th).forEach(id -> words.put(id, l)));
                }));
        Map<String, Severity> scores = new HashMap<>();
        child(v, "CVSSScoreSets").ifPresent(sets -> children(sets, "ScoreSet").forEach(set -> {
            Optional<Double> score = child(set, "BaseScore").map(CvrfReader::text).flatMap(CvrfReader::number);
            String vector = child(set, "Vector").map(CvrfReader::text).orElse(null);
            score.ifPresent(s -> productIds(set).forEach(id -> scores.put(id, new Severity(SeverityLevel.ofCvssScore(s), s,
                    vector, vector != null && vector.startsWith("CVSS:4") ? "CVSS_V4" : "CVSS_V3"))));
        }));

        // Remediations.
        Map<String, List<WindowsFix>> fixes = new HashMap<>();
        List<String> workarounds = new ArrayList<>();
        List<Element> remediations = child(v, "Remediations").map(r -> children(r, "Remediation")).orElse(List.of());
        for (int r = 0; r < remediations.size(); r++) {
            Element rem = remediations.get(r);
            String type = rem.getAttribute("Type");
            String description = child(rem, "Description").map(CvrfReader::text).orElse("");
            if (type.equalsIgnoreCase("Workaround") || type.equalsIgnoreCase("Mitigation")) {
                if (!description.isEmpty()) workarounds.add(description);
                continue;
            }
            if (!type.equalsIgnoreCase("Vendor Fix")) continue;
            List<String> ids = productIds(rem).stream().filter(windows::containsKey).toList();
            if (ids.isEmpty()) continue;
            Optional<String> kb = Kb.normalize(description).or(() -> child(rem, "URL").map(CvrfReader::text).flatMap(url -> {
                Matcher m = KB_IN_URL.matcher(url);
                return m.find() ? Kb.normalize(m.group(1)) : Optional.empty();
            }));
            if (kb.isEmpty()) {
                problems.add(new Problem(new Location(source, place + " Remediation[" + (r + 1) + "]"),
                        "Vendor Fix without a KB number (Description '" + description + "'); fix skipped"));
                continue;
            }
            Set<String> supersedes = new LinkedHashSet<>();
            child(rem, "Supercedence").map(CvrfReader::text).ifPresent(s -> {
                for (String part : KB_LIST_SEPARATOR.split(s)) Kb.normalize(part).ifPresent(supersedes::add);
            });
            WindowsBuild fixedBuild = child(rem, "FixedBuild").map(CvrfReader::text).flatMap(WindowsBuild::parse).orElse(null);
            String subType = child(rem, "SubType").map(CvrfReader::text).filter(s -> !s.isEmpty()).orElse(null);
            WindowsFix fix = new WindowsFix(kb.get(), subType, fixedBuild, supersedes);
            ids.forEach(id -> fixes.computeIfAbsent(id, k -> new ArrayList<>()).add(fix));
        }

        List<AffectedWindowsProduct> affected = new ArrayList<>();
        windows.forEach((id, product) -> {
            Severity severity = scores.get(id);
            SeverityLevel word = words.get(id);
            if (word != null) {
                severity = severity == null ? new Severity(word, null, null, "microsoft")
                        : new Severity(word, severity.score(), severity.vector(), severity.type());
            }
            affected.add(new AffectedWindowsProduct(productNames.get(id), product,
                    severity == null ? Severity.UNKNOWN : severity, fixes.getOrDefault(id, List.of())));
        });
        String title = child(v, "Title").map(CvrfReader::text).filter(s -> !s.isEmpty()).orElse(cve);
        String description = child(v, "Notes").flatMap(n -> children(n, "Note").stream()
                .filter(note -> note.getAttribute("Type").equalsIgnoreCase("Description")).findFirst())
                .map(CvrfReader::text).map(d -> d.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip()) // MSRC notes are HTML
                .orElse(null);
        return Optional.of(new WindowsVulnerability(cve, documentId, title, description, published, affected, workarounds, source));
    }

    /** Every FullProductName under the tree, at any depth of Branch nesting, and Relationships' names. */
    private static void products(Element e, Map<String, String> names) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) continue;
            if ("FullProductName".equals(c.getLocalName())) {
                String id = c.getAttribute("ProductID");
                if (!id.isEmpty()) names.put(id, text(c));
            } else {
                products(c, names);
            }
        }
    }

    private static List<String> productIds(Element e) {
        return children(e, "ProductID").stream().map(CvrfReader::text).flatMap(t -> List.of(t.split("\\s+")).stream())
                .filter(s -> !s.isEmpty()).toList();
    }

    private static Document parse(Path file) throws BadInputException {
        org.patchgap.formats.support.InputLimits.requireReadableWhole(file);
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // Advisories come from outside: no DTDs, no external entities.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException(Location.of(file.toString()), "no such file");
        } catch (SAXParseException e) {
            throw new BadInputException(new Location(file.toString(), "line " + e.getLineNumber() + ", column " + e.getColumnNumber()),
                    "malformed XML (expected a CVRF document): " + e.getMessage());
        } catch (SAXException e) {
            throw new BadInputException(Location.of(file.toString()), "malformed XML (expected a CVRF document): " + e.getMessage());
        } catch (IOException e) {
            throw new BadInputException(Location.of(file.toString()), "cannot read: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks secure processing", e);
        }
    }

    private static Optional<Element> child(Element e, String localName) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && localName.equals(c.getLocalName())) return Optional.of(c);
        }
        return Optional.empty();
    }

    private static Optional<Element> path(Element e, String... names) {
        Optional<Element> cur = Optional.of(e);
        for (String n : names) cur = cur.flatMap(c -> child(c, n));
        return cur;
    }

    private static List<Element> children(Element e, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && localName.equals(c.getLocalName())) out.add(c);
        }
        return out;
    }

    private static String text(Element e) {
        return e.getTextContent().strip().replaceAll("\\s+", " ");
    }

    private static Optional<Double> number(String s) {
        try {
            return Optional.of(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String s) {
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
