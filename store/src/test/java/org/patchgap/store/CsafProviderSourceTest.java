package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.store.SourceOutcome.State;

/** A CSAF provider served by a local HTTP server: metadata, directory listing, documents and their hash files. */
class CsafProviderSourceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-26T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FixtureServer server;
    private DatabaseUpdater updater;
    private final ProgressListener quiet = ProgressListener.NONE;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        SourceSettings settings = SourceSettings.defaults()
                .withPatience(Duration.ofSeconds(5), Duration.ofSeconds(10), 2, Duration.ofMillis(1));
        updater = new DatabaseUpdater(dir, settings, path -> {
            throw new AssertionError("no OSV source in this test");
        }, CLOCK);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String source() {
        return "csaf:" + server.url("/.well-known/csaf/provider-metadata.json");
    }

    private void metadata(String directory) {
        metadata(directory, "[]");
    }

    private void metadata(String directory, String keys) {
        String json = """
                {"canonical_url": "%s", "list_on_CSAF_aggregators": true, "metadata_version": "2.0",
                 "mirror_on_CSAF_aggregators": true, "role": "csaf_provider",
                 "publisher": {"category": "vendor", "name": "Example", "namespace": "https://example.com"},
                 "distributions": [{"directory_url": "%s"}], "public_openpgp_keys": %s}
                """.formatted(server.url("/.well-known/csaf/provider-metadata.json"), server.url(directory), keys);
        server.serve("/.well-known/csaf/provider-metadata.json", json.getBytes(StandardCharsets.UTF_8), "m1");
    }

    private byte[] document(String path, String resource) throws IOException {
        try (InputStream in = FixtureServer.class.getResourceAsStream("sources/csaf/" + resource)) {
            byte[] body = in.readAllBytes();
            server.serve(path, body, path);
            return body;
        }
    }

    private void hash(String path, String algorithm, String hex) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        server.serve(path + "." + algorithm, (hex + "  " + name + "\n").getBytes(StandardCharsets.UTF_8), path + algorithm);
    }

    private static String digest(String algorithm, byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(body));
    }

    @Test
    void documentsWithMatchingHashesAreStoredAndOthersRejected() throws Exception {
        metadata("/csaf/white/");
        server.serve("/csaf/white/changes.csv", """
                "2024/ex-2024-0001.json","2024-03-05T10:00:00Z"
                "2022/exsa-2022_0011.json","2022-01-04T00:00:00Z"
                "2022/unsigned.json","2022-01-04T00:00:00Z"
                """.getBytes(StandardCharsets.UTF_8), "c1");
        byte[] good = document("/csaf/white/2024/ex-2024-0001.json", "npm-affected-and-fixed.json");
        hash("/csaf/white/2024/ex-2024-0001.json", "sha512", digest("SHA-512", good));
        document("/csaf/white/2022/exsa-2022_0011.json", "rpm-relationships.json");
        hash("/csaf/white/2022/exsa-2022_0011.json", "sha512", digest("SHA-512", "something else".getBytes()));
        document("/csaf/white/2022/unsigned.json", "rpm-relationships.json");

        UpdateReport report = updater.update(List.of(source()), quiet);

        SourceOutcome outcome = report.sources().get(0);
        assertThat(outcome.state()).isEqualTo(State.UPDATED);
        assertThat(outcome.records()).isEqualTo(1);
        assertThat(outcome.problems()).extracting(Problem::toString).containsExactly(
                server.url("/csaf/white/2022/exsa-2022_0011.json") + ": SHA-512 mismatch (file says "
                        + digest("SHA-512", "something else".getBytes()).substring(0, 16) + "…, document hashes to "
                        + digest("SHA-512", document("/csaf/white/2022/exsa-2022_0011.json", "rpm-relationships.json"))
                                .substring(0, 16) + "…); document rejected",
                server.url("/csaf/white/2022/unsigned.json") + ": no .sha512 or .sha256 file; document rejected");
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            List<Vulnerability> stored = db.vulnerabilities(List.of("npm"));
            assertThat(stored).singleElement().satisfies(v -> {
                assertThat(v.id()).isEqualTo("CVE-2024-0001");
                assertThat(v.source()).isEqualTo(server.url("/csaf/white/2024/ex-2024-0001.json").toString());
            });
            assertThat(db.status().sources()).singleElement().satisfies(s -> {
                assertThat(s.name()).isEqualTo(source());
                assertThat(s.problems()).isEqualTo(2);
                assertThat(s.watermark()).isEqualTo("2024-03-05T10:00:00Z");
            });
        }
        assertThat(dir.resolve("downloads")).isEmptyDirectory();
    }

    /** A provider of three good documents; {@code leftPadTime} is left-pad's time in changes.csv. */
    private void threeDocuments(String leftPadTime, boolean withOld) throws Exception {
        metadata("/csaf/white/");
        server.serve("/csaf/white/changes.csv", ("\"2024/ex-2024-0001.json\",\"" + leftPadTime + "\"\n"
                + "\"2022/exsa-2022_0011.json\",\"2022-01-04T00:00:00Z\"\n"
                + (withOld ? "\"2021/old.json\",\"2021-06-01T00:00:00+02:00\"\n" : ""))
                .getBytes(StandardCharsets.UTF_8), "c-" + leftPadTime + withOld);
        hashed("/csaf/white/2024/ex-2024-0001.json", "npm-affected-and-fixed.json", body -> null);
        hashed("/csaf/white/2022/exsa-2022_0011.json", "rpm-relationships.json", body -> null);
        // Another flaw than the 2022 document's, so that the two are told apart in the database.
        byte[] old = document("/csaf/white/2021/old.json", "rpm-relationships.json");
        old = new String(old, StandardCharsets.UTF_8).replace("CVE-2020-10188", "CVE-2021-0001")
                .getBytes(StandardCharsets.UTF_8);
        server.serve("/csaf/white/2021/old.json", old, "old");
        hash("/csaf/white/2021/old.json", "sha512", digest("SHA-512", old));
    }

    private List<String> storedSources() throws Exception {
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            return db.allVulnerabilities().stream().map(Vulnerability::source).sorted().toList();
        }
    }

    @Test
    void aSecondUpdateFetchesOnlyTheDocumentsChangedSinceTheWatermark() throws Exception {
        threeDocuments("2024-03-05T10:00:00Z", true);
        updater.update(List.of(source()), quiet);
        assertThat(storedSources()).hasSize(3);
        // left-pad changed; old.json is no longer listed.
        threeDocuments("2024-04-01T00:00:00.000Z", false);

        SourceOutcome outcome = updater.update(List.of(source()), quiet).sources().get(0);

        assertThat(outcome.state()).isEqualTo(State.UPDATED);
        assertThat(server.requests("/csaf/white/2024/ex-2024-0001.json")).hasSize(2);
        assertThat(server.requests("/csaf/white/2024/ex-2024-0001.json.sha512")).hasSize(2);
        assertThat(server.requests("/csaf/white/2022/exsa-2022_0011.json")).hasSize(1);
        assertThat(server.requests("/csaf/white/2022/exsa-2022_0011.json.sha512")).hasSize(1);
        assertThat(storedSources()).containsExactly(server.url("/csaf/white/2022/exsa-2022_0011.json").toString(),
                server.url("/csaf/white/2024/ex-2024-0001.json").toString());
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.status().sources().get(0).watermark()).isEqualTo("2024-04-01T00:00:00Z");
        }

        updater.update(List.of(source()), quiet);

        assertThat(server.requests("/csaf/white/2024/ex-2024-0001.json")).as("nothing changed").hasSize(2);
        assertThat(storedSources()).hasSize(2);
    }

    @Test
    void aChangedDocumentThatFailsKeepsItsPreviousRecords() throws Exception {
        threeDocuments("2024-03-05T10:00:00Z", false);
        updater.update(List.of(source()), quiet);
        threeDocuments("2024-04-01T00:00:00Z", false);
        // The new version does not match its hash: rejected, and the old records stay until it changes again.
        hash("/csaf/white/2024/ex-2024-0001.json", "sha512", digest("SHA-512", "tampered".getBytes()));

        SourceOutcome rejected = updater.update(List.of(source()), quiet).sources().get(0);

        assertThat(rejected.problems()).extracting(Problem::toString)
                .anyMatch(p -> p.contains("SHA-512 mismatch") && p.endsWith("document rejected"));
        assertThat(storedSources()).containsExactly(server.url("/csaf/white/2022/exsa-2022_0011.json").toString(),
                server.url("/csaf/white/2024/ex-2024-0001.json").toString());

        // Changed again, and this time the server fails: the records stay, and the document is tried next time.
        threeDocuments("2024-05-01T00:00:00Z", false);
        server.script("/csaf/white/2024/ex-2024-0001.json", FixtureServer.Scripted.status(503),
                FixtureServer.Scripted.status(503));

        SourceOutcome unreachable = updater.update(List.of(source()), quiet).sources().get(0);

        assertThat(unreachable.problems()).extracting(Problem::toString)
                .anyMatch(p -> p.contains("document not downloaded") && p.contains("HTTP 503"));
        assertThat(storedSources()).hasSize(2);
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.status().sources().get(0).watermark()).isEqualTo("2024-04-01T00:00:00Z");
        }
        int before = server.requests("/csaf/white/2024/ex-2024-0001.json").size();

        updater.update(List.of(source()), quiet);

        assertThat(server.requests("/csaf/white/2024/ex-2024-0001.json")).hasSize(before + 1);
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.status().sources().get(0).watermark()).isEqualTo("2024-05-01T00:00:00Z");
        }
    }

    @Test
    void withoutChangesCsvTheIndexIsReadAndSha256Suffices() throws Exception {
        metadata("/csaf/");
        server.serve("/csaf/index.txt", "2022/exsa-2022_0011.json\n".getBytes(StandardCharsets.UTF_8), "i1");
        byte[] body = document("/csaf/2022/exsa-2022_0011.json", "rpm-relationships.json");
        hash("/csaf/2022/exsa-2022_0011.json", "sha256", digest("SHA-256", body).toUpperCase());

        UpdateReport report = updater.update(List.of(source()), quiet);

        assertThat(report.sources().get(0).records()).isEqualTo(1);
        // The CPE-only platform is now a CPE package, not a problem.
        assertThat(report.sources().get(0).problems()).isEmpty();
    }

    @Test
    void aVexDocumentIsStoredWithItsStatementUnderThePackageItNames() throws Exception {
        metadata("/csaf/");
        server.serve("/csaf/index.txt", "2024/ex-vex-0001.json\n".getBytes(StandardCharsets.UTF_8), "i1");
        byte[] body = document("/csaf/2024/ex-vex-0001.json", "vex-not-affected.json");
        hash("/csaf/2024/ex-vex-0001.json", "sha512", digest("SHA-512", body));

        UpdateReport report = updater.update(List.of(source()), quiet);

        // Only "not affected": no affected package, but the statement is worth storing.
        assertThat(report.sources().get(0).records()).isEqualTo(1);
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.vulnerabilitiesFor(java.util.Map.of("npm", List.of("left-pad")))).singleElement()
                    .satisfies(v -> {
                        assertThat(v.affected()).isEmpty();
                        assertThat(v.notAffected()).singleElement().satisfies(st -> {
                            assertThat(st.versions()).containsExactly("1.0.0");
                            assertThat(st.justification()).isEqualTo(
                                    org.patchgap.core.model.NotAffectedStatement.Justification.VULNERABLE_CODE_NOT_PRESENT);
                        });
                        assertThat(v.source()).isEqualTo(server.url("/csaf/2024/ex-vex-0001.json").toString());
                    });
        }
    }

    private static final TestSigningKey PROVIDER = new TestSigningKey("Example PSIRT <psirt@example.com>");
    private static final TestSigningKey STRANGER = new TestSigningKey("Someone else <else@example.net>");

    private void providerKey(String fingerprint) {
        server.serve("/.well-known/csaf/openpgp/key.asc", PROVIDER.armoredPublicKey, "k1");
        metadata("/csaf/", "[{\"url\": \"%s\", \"fingerprint\": \"%s\"}]"
                .formatted(server.url("/.well-known/csaf/openpgp/key.asc"), fingerprint));
    }

    /** Serves a document with a good SHA-512 file and the given {@code .asc} (none when null). */
    private byte[] hashed(String path, String resource, java.util.function.Function<byte[], byte[]> signature)
            throws Exception {
        byte[] body = document(path, resource);
        hash(path, "sha512", digest("SHA-512", body));
        byte[] asc = signature.apply(body);
        if (asc != null) server.serve(path + ".asc", asc, path + "asc");
        return body;
    }

    @Test
    void withPublishedKeysEveryDocumentMustCarryAValidSignature() throws Exception {
        providerKey(PROVIDER.fingerprint.replaceAll("(.{4})", "$1 ").strip());
        server.serve("/csaf/index.txt", String.join("\n", "good.json", "stranger.json", "tampered.json", "unsigned.json")
                .getBytes(StandardCharsets.UTF_8), "i1");
        hashed("/csaf/good.json", "npm-affected-and-fixed.json", PROVIDER::sign);
        hashed("/csaf/stranger.json", "rpm-relationships.json", STRANGER::sign);
        hashed("/csaf/tampered.json", "rpm-relationships.json", body -> PROVIDER.sign("other text".getBytes()));
        hashed("/csaf/unsigned.json", "rpm-relationships.json", body -> null);

        SourceOutcome outcome = updater.update(List.of(source()), quiet).sources().get(0);

        assertThat(outcome.state()).isEqualTo(State.UPDATED);
        assertThat(outcome.records()).isEqualTo(1);
        assertThat(outcome.problems()).extracting(Problem::toString).satisfiesExactly(
                p -> assertThat(p).startsWith(server.url("/csaf/stranger.json") + ": signed by key ")
                        .endsWith(", which is not among the provider's public_openpgp_keys; document rejected"),
                p -> assertThat(p).startsWith(server.url("/csaf/tampered.json")
                        + ": OpenPGP signature does not match the document (key "),
                p -> assertThat(p).isEqualTo(server.url("/csaf/unsigned.json") + ": no .asc signature; document rejected"));
    }

    @Test
    void aKeyWhoseFingerprintDiffersFailsTheSource() throws Exception {
        providerKey(STRANGER.fingerprint);
        server.serve("/csaf/index.txt", "good.json\n".getBytes(StandardCharsets.UTF_8), "i1");
        hashed("/csaf/good.json", "npm-affected-and-fixed.json", PROVIDER::sign);

        SourceOutcome outcome = updater.update(List.of(source()), quiet).sources().get(0);

        assertThat(outcome.state()).isEqualTo(State.FAILED);
        assertThat(outcome.error()).contains("at /public_openpgp_keys/0: ")
                .endsWith(": no key with fingerprint " + STRANGER.fingerprint.toLowerCase() + " in the file");
    }

    @Test
    void metadataWithoutAnyDistributionFailsTheSource() throws Exception {
        server.serve("/.well-known/csaf/provider-metadata.json",
                "{\"distributions\": [{\"rolie\": {\"feeds\": []}}]}".getBytes(StandardCharsets.UTF_8), "m2");

        UpdateReport report = updater.update(List.of(source()), quiet);

        assertThat(report.sources().get(0).state()).isEqualTo(State.FAILED);
        assertThat(report.sources().get(0).error()).endsWith(
                "provider-metadata.json at /distributions: expected a distribution with a directory_url or ROLIE feeds");
    }

    @Test
    void withoutADirectoryTheRolieFeedListsTheDocuments() throws Exception {
        server.serve("/.well-known/csaf/provider-metadata.json", """
                {"distributions": [{"rolie": {"feeds": [
                    {"summary": "TLP:WHITE advisories", "tlp_label": "WHITE", "url": "/rolie/white/example-feed.json"}]}}]}
                """.getBytes(StandardCharsets.UTF_8), "m3");
        server.serve("/rolie/white/example-feed.json", """
                {"feed": {"id": "example-csaf-feed-tlp-white", "title": "Example CSAF feed (TLP:WHITE)",
                  "updated": "2024-03-05T10:00:00Z",
                  "entry": [
                    {"id": "EX-2024-0001", "title": "left-pad", "updated": "2024-03-05T10:00:00Z",
                     "link": [{"rel": "self", "href": "2024/ex-2024-0001.json"},
                              {"rel": "hash", "href": "2024/ex-2024-0001.json.sha512"}],
                     "content": {"type": "application/json", "src": "2024/ex-2024-0001.json"},
                     "format": {"schema": "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json", "version": "2.0"}},
                    {"id": "EX-2022-0011", "title": "telnet",
                     "link": [{"rel": "self", "href": "2022/exsa-2022_0011.json"}]},
                    {"id": "broken", "title": "an entry that names no document"}]}}
                """.getBytes(StandardCharsets.UTF_8), "f1");
        byte[] leftPad = document("/rolie/white/2024/ex-2024-0001.json", "npm-affected-and-fixed.json");
        hash("/rolie/white/2024/ex-2024-0001.json", "sha512", digest("SHA-512", leftPad));
        byte[] telnet = document("/rolie/white/2022/exsa-2022_0011.json", "rpm-relationships.json");
        hash("/rolie/white/2022/exsa-2022_0011.json", "sha256", digest("SHA-256", telnet));

        SourceOutcome outcome = updater.update(List.of(source()), quiet).sources().get(0);

        assertThat(outcome.records()).isEqualTo(2);
        assertThat(outcome.problems()).extracting(Problem::toString).containsExactly(
                server.url("/rolie/white/example-feed.json") + " at /feed/entry/2: entry without content.src or self"
                        + " link; skipped");
    }

    @Test
    void rolieEntriesUpdatedNoLaterThanTheWatermarkAreNotFetchedAgain() throws Exception {
        server.serve("/.well-known/csaf/provider-metadata.json", """
                {"distributions": [{"rolie": {"feeds": [{"url": "/rolie/feed.json"}]}}]}
                """.getBytes(StandardCharsets.UTF_8), "m4");
        server.serve("/rolie/feed.json", """
                {"feed": {"id": "f", "entry": [
                    {"id": "EX-2024-0001", "updated": "2024-03-05T10:00:00Z",
                     "content": {"src": "2024/ex-2024-0001.json"}},
                    {"id": "EX-2022-0011", "content": {"src": "2022/exsa-2022_0011.json"}}]}}
                """.getBytes(StandardCharsets.UTF_8), "f2");
        hashed("/rolie/2024/ex-2024-0001.json", "npm-affected-and-fixed.json", body -> null);
        hashed("/rolie/2022/exsa-2022_0011.json", "rpm-relationships.json", body -> null);

        updater.update(List.of(source()), quiet);
        SourceOutcome second = updater.update(List.of(source()), quiet).sources().get(0);

        assertThat(second.records()).isEqualTo(2);
        assertThat(server.requests("/rolie/2024/ex-2024-0001.json")).as("dated, unchanged").hasSize(1);
        assertThat(server.requests("/rolie/2022/exsa-2022_0011.json")).as("no updated time: always").hasSize(2);
    }

    @Test
    void aDomainStandsForItsWellKnownMetadataAndIsNeverADefaultSource() {
        assertThat(CsafProviderSource.metadataUrl("csaf:example.com"))
                .isEqualTo(URI.create("https://example.com/.well-known/csaf/provider-metadata.json"));
        assertThat(updater.resolve(List.of("csaf:example.com"))).containsExactly("csaf:example.com");
        assertThat(updater.resolve(List.of())).noneMatch(n -> n.startsWith("csaf:"));
        assertThat(Files.exists(dir.resolve("downloads"))).isFalse();
    }
}
