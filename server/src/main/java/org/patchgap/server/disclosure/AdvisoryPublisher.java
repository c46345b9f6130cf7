package org.patchgap.server.disclosure;

import static org.patchgap.server.Times.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.advisory.AdvisoryDraft;
import org.patchgap.formats.advisory.AdvisoryDraftReader;
import org.patchgap.formats.advisory.CsafAdvisoryWriter;
import org.patchgap.formats.advisory.OsvAdvisoryWriter;
import org.patchgap.formats.csaf.CsafAdvisoryReader;
import org.patchgap.formats.csaf.CsafMandatoryTests;
import org.patchgap.formats.osv.OsvReader;
import org.patchgap.server.Times;
import org.patchgap.server.auth.Caller;
import org.patchgap.server.fleet.AdvisoryIngest;
import org.patchgap.server.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a case's advisory draft into its CSAF 2.0 document and OSV record, checks both, and publishes them: the
 * CSAF document is signed and hashed for the provider directory ({@link CsafProviderController}), the OSV record
 * is imported into the fleet's advisories at once (the same re-match an advisory upload makes), and the case is
 * {@code published}, all in one transaction.
 *
 * <p>The checks, all of which must pass: the CSAF JSON schema, our CSAF mandatory tests (section 6.1), and our
 * own CSAF and OSV readers reading the documents back into records that name every package product, so that what
 * is published can be matched by Patchgap and anyone reading either format.
 */
@Service
public class AdvisoryPublisher {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The documents a draft makes and every reason it may not be published yet. */
    public record Check(@Nullable AdvisoryDraft draft, byte[] csaf, byte[] osv, List<String> problems) {
        public boolean publishable() {
            return draft != null && problems.isEmpty();
        }
    }

    /** What publication did. */
    public record Published(String advisoryId, String csafPath, int exposedTargets) {}

    private final Cases cases;
    private final CaseAudit audit;
    private final CaseNotifications notify;
    private final DisclosureKey key;
    private final AdvisoryIngest ingest;
    private final JdbcTemplate jdbc;
    private final String publisher;
    private final String namespace;
    private final String idPrefix;
    private final String version;

    public AdvisoryPublisher(Cases cases, CaseAudit audit, CaseNotifications notify, DisclosureKey key,
            AdvisoryIngest ingest, JdbcTemplate jdbc,
            @Value("${patchgap.disclosure.name:Patchgap disclosure service}") String publisher,
            @Value("${patchgap.disclosure.namespace:https://patchgap.invalid}") String namespace,
            @Value("${patchgap.disclosure.id-prefix:PGSA}") String idPrefix,
            org.springframework.beans.factory.ObjectProvider<org.springframework.boot.info.BuildProperties> build) {
        this.cases = cases;
        this.audit = audit;
        this.notify = notify;
        this.key = key;
        this.ingest = ingest;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.namespace = namespace;
        this.idPrefix = idPrefix;
        org.springframework.boot.info.BuildProperties info = build.getIfAvailable();
        this.version = info == null ? "development" : info.getVersion();
    }

    /** The CSAF directory's URL under a base URL. */
    public static String directory(String baseUrl) {
        return baseUrl + "/.well-known/csaf/white/";
    }

    /** Checks a draft as it would be published now under the next id ({@code baseUrl} makes its links). */
    public Check check(String draftJson, String trackingId, Instant at, String baseUrl) {
        JsonNode root;
        try {
            root = JSON.readTree(draftJson);
        } catch (IOException e) {
            return new Check(null, new byte[0], new byte[0], List.of("/: not JSON: " + firstLine(e.getMessage())));
        }
        AdvisoryDraft draft;
        try {
            draft = AdvisoryDraftReader.read(root, "advisory draft");
        } catch (AdvisoryDraftReader.InvalidDraftException e) {
            return new Check(null, new byte[0], new byte[0],
                    e.problems().stream().map(p -> p.location().place() + ": " + p.message()).toList());
        }
        String csafUrl = csafUrl(baseUrl, trackingId, at);
        byte[] csaf = CsafAdvisoryWriter.bytes(draft, new CsafAdvisoryWriter.Publication(trackingId, publisher, namespace, at,
                version, csafUrl));
        byte[] osv = OsvAdvisoryWriter.bytes(draft, trackingId, at, csafUrl);
        List<String> problems = new ArrayList<>();
        JsonNode document;
        try {
            document = JSON.readTree(csaf);
        } catch (IOException e) {
            throw new IllegalStateException("our own CSAF is JSON", e);
        }
        CsafSchema.document(document).forEach(p -> problems.add("CSAF schema: " + p));
        CsafMandatoryTests.check(document).forEach(v -> problems.add("CSAF mandatory test " + v));
        long packages = draft.products().stream().filter(p -> p.purl() != null).count();
        readBack(csaf, "csaf.json", new CsafAdvisoryReader(), packages, "CSAF", problems);
        readBack(osv, "osv.json", new OsvReader(), packages, "OSV", problems);
        return new Check(draft, csaf, osv, problems);
    }

    /** Our readers must find a matchable record with every package product in what we publish. */
    private static void readBack(byte[] bytes, String name, org.patchgap.formats.AdvisoryReader reader, long packages,
            String format, List<String> problems) {
        try {
            Path dir = Files.createTempDirectory("patchgap-advisory-");
            try {
                Path file = dir.resolve(name);
                Files.write(file, bytes);
                ReadResult<Vulnerability> read = reader.read(file);
                for (Problem p : read.problems()) problems.add(format + " read back: " + p.location().place() + ": " + p.message());
                long named = read.items().stream().mapToLong(v -> v.affected().size()).sum();
                if (packages > 0 && named < packages) {
                    problems.add(format + " read back: " + named + " of " + packages + " packages can be matched");
                }
            } finally {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        } catch (BadInputException e) {
            problems.add(format + " read back: " + e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The id the next advisory published this year gets ({@code PGSA-2026-0001}); only published cases count. */
    public String nextId(Instant at) {
        int year = at.atOffset(ZoneOffset.UTC).getYear();
        String prefix = idPrefix + "-" + year + "-";
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM published_advisory WHERE advisory_id LIKE ?", Integer.class,
                prefix + "%");
        return prefix + String.format("%04d", (n == null ? 0 : n) + 1);
    }

    static String csafPath(String trackingId, Instant at) {
        return at.atOffset(ZoneOffset.UTC).getYear() + "/" + CsafAdvisoryWriter.fileName(trackingId);
    }

    static String csafUrl(String baseUrl, String trackingId, Instant at) {
        return directory(baseUrl) + csafPath(trackingId, at);
    }

    @Transactional(rollbackFor = BadInputException.class)
    public Published publish(Caller caller, String publicId, Instant at, String baseUrl) throws BadInputException {
        Cases.Visible v = cases.coordinatorChange(caller, publicId);
        Cases.requireState(v.c(), CaseState.ACCEPTED, "publish");
        if (v.c().advisoryDraft() == null) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "the case has no advisory draft (PUT .../advisory)");
        }
        // One publication at a time takes the year's next number.
        jdbc.queryForList("SELECT id FROM team WHERE coordinator ORDER BY id FOR UPDATE", Long.class);
        String id = nextId(at);
        Check check = check(v.c().advisoryDraft(), id, at, baseUrl);
        if (!check.publishable()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "not_publishable",
                    check.problems().size() + " problem(s); the first: " + check.problems().get(0));
        }
        String path = csafPath(id, at);
        jdbc.update("INSERT INTO published_advisory (case_id, advisory_id, csaf_path, csaf, csaf_sha256, csaf_sha512, "
                + "csaf_signature, osv, released_at, exposed_at_publication) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", v.c().id(), id,
                path, new String(check.csaf(), StandardCharsets.UTF_8), digest("SHA-256", check.csaf()),
                digest("SHA-512", check.csaf()), key.sign(check.csaf()), new String(check.osv(), StandardCharsets.UTF_8), sql(at));
        jdbc.update("UPDATE disclosure_case SET state = 'published', published_at = ?, advisory_id = ? WHERE id = ?", sql(at), id,
                v.c().id());
        AdvisoryIngest.Result imported = ingest.ingest(check.osv(), CsafAdvisoryWriter.fileName(id), at);
        int exposed = exposedTargets(id);
        jdbc.update("UPDATE published_advisory SET exposed_at_publication = ? WHERE advisory_id = ?", exposed, id);
        audit.append(v.c().id(), at, caller.principal(), v.party(), "published", id + " (" + path + "); fleet re-matched: "
                + (imported.rematch().outcome().opened() + imported.rematch().outcome().reopened()) + " findings opened, " + exposed + " targets exposed");
        notify.tell(cases.load(v.c().id()), "case.published", "published as " + id,
                CaseNotifications.Audience.everyone(cases.vendorTeams(v.c())), at);
        return new Published(id, path, exposed);
    }

    /** Targets of the whole fleet (every team) with an open exposure to the advisory. */
    int exposedTargets(String advisoryId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(DISTINCT f.target_id) FROM finding f JOIN finding_alias a ON a.finding_id = f.id "
                + "WHERE a.alias = ? AND f.resolved_at IS NULL AND f.status = 'exposed'", Integer.class, advisoryId);
        return n == null ? 0 : n;
    }

    /** A published advisory as the provider serves it. */
    public record Document(String advisoryId, String csafPath, byte[] csaf, String sha256, String sha512, String signature,
            byte[] osv, Instant released) {

        /** The document's title (the advisory's, not the case's: a case's own words stay with its participants). */
        public String title() {
            try {
                return JSON.readTree(csaf).path("document").path("title").asText();
            } catch (IOException e) {
                throw new IllegalStateException("a published document is JSON", e);
            }
        }
    }

    private static final String DOCUMENTS = "SELECT p.advisory_id, p.csaf_path, p.csaf, p.csaf_sha256, p.csaf_sha512, "
            + "p.csaf_signature, p.osv, p.released_at FROM published_advisory p ";

    /** Every published advisory, newest first (the provider's index, changes and feed). */
    public List<Document> published() {
        return jdbc.query(DOCUMENTS + "ORDER BY p.released_at DESC, p.id DESC", AdvisoryPublisher::document);
    }

    /** When the newest advisory was released, if any was. */
    public java.util.Optional<Instant> lastReleased() {
        return java.util.Optional.ofNullable(jdbc.queryForObject("SELECT MAX(released_at) AS released_at FROM published_advisory",
                (rs, i) -> Times.instant(rs, "released_at")));
    }

    /** One published advisory by its id ({@code PGSA-2026-0001}): one row, not the whole list. */
    public java.util.Optional<Document> byAdvisoryId(String advisoryId) {
        return jdbc.query(DOCUMENTS + "WHERE p.advisory_id = ?", AdvisoryPublisher::document, advisoryId).stream().findFirst();
    }

    /** One published advisory by its provider path ({@code 2026/pgsa-2026-0001.json}). */
    public java.util.Optional<Document> byCsafPath(String csafPath) {
        return jdbc.query(DOCUMENTS + "WHERE p.csaf_path = ?", AdvisoryPublisher::document, csafPath).stream().findFirst();
    }

    private static Document document(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Document(rs.getString(1), rs.getString(2), rs.getString(3).getBytes(StandardCharsets.UTF_8), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7).getBytes(StandardCharsets.UTF_8), Times.instant(rs, "released_at"));
    }

    static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
