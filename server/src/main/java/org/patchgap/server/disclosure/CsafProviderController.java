package org.patchgap.server.disclosure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public face of the disclosure service, without sign-in: RFC 9116 {@code security.txt}, and the CSAF 2.0
 * provider (section 7): {@code provider-metadata.json}, the TLP:WHITE directory (CSAF 2.0 uses TLP 1.0 labels: WHITE is TLP 2.0 CLEAR; {@code index.txt},
 * {@code changes.csv}, per-year folders with each document's {@code .sha256}, {@code .sha512} and detached
 * OpenPGP {@code .asc}), its ROLIE feed, the public key; plus an OSV feed ({@code /osv/<id>.json},
 * {@code /osv/all.zip}). Only published advisories are ever here: nothing reads an embargoed case.
 */
@RestController
public class CsafProviderController {

    static final String FEED = "feed-tlp-white.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final AdvisoryPublisher publisher;
    private final DisclosureKey key;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final String name;
    private final String namespace;
    private final String contact;

    public CsafProviderController(AdvisoryPublisher publisher, DisclosureKey key, PublicUrl publicUrl, Clock clock,
            @Value("${patchgap.disclosure.name:Patchgap disclosure service}") String name,
            @Value("${patchgap.disclosure.namespace:https://patchgap.invalid}") String namespace,
            @Value("${patchgap.disclosure.contact:}") String contact) {
        this.publisher = publisher;
        this.key = key;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.name = name;
        this.namespace = namespace;
        this.contact = contact;
    }

    /** RFC 9116: where to report (the form, and a mail address when configured), the key, the policy, our CSAF. */
    @GetMapping(path = "/.well-known/security.txt", produces = "text/plain;charset=UTF-8")
    public String securityTxt() {
        String base = publicUrl.base();
        StringBuilder out = new StringBuilder();
        if (!contact.isBlank()) out.append("Contact: ").append(contact.strip()).append('\n');
        out.append("Contact: ").append(base).append("/report\n");
        // RFC 9116 section 2.5.5: at most a year ahead; renewed on every request.
        out.append("Expires: ").append(clock.instant().plus(364, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)).append('\n');
        out.append("Encryption: ").append(keyUrl(base)).append('\n');
        out.append("Policy: ").append(base).append("/report#policy\n");
        out.append("Preferred-Languages: en\n");
        out.append("Canonical: ").append(base).append("/.well-known/security.txt\n");
        out.append("CSAF: ").append(base).append("/.well-known/csaf/provider-metadata.json\n");
        return out.toString();
    }

    private String keyUrl(String base) {
        return base + "/.well-known/csaf/openpgp/" + key.fingerprint() + ".asc";
    }

    @GetMapping(path = "/.well-known/csaf/provider-metadata.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public String providerMetadata() throws IOException {
        return JSON.writeValueAsString(metadata(publicUrl.base()));
    }

    ObjectNode metadata(String base) {
        ObjectNode m = JSON.createObjectNode();
        m.put("canonical_url", base + "/.well-known/csaf/provider-metadata.json");
        ObjectNode distribution = m.putArray("distributions").addObject();
        distribution.put("directory_url", AdvisoryPublisher.directory(base));
        distribution.putObject("rolie").putArray("feeds").addObject().put("summary", "TLP:WHITE advisories")
                .put("tlp_label", "WHITE").put("url", AdvisoryPublisher.directory(base) + FEED);
        m.put("last_updated", lastUpdated().toString());
        m.put("list_on_CSAF_aggregators", true);
        m.put("metadata_version", "2.0");
        m.put("mirror_on_CSAF_aggregators", true);
        m.putArray("public_openpgp_keys").addObject().put("fingerprint", key.fingerprint()).put("url", keyUrl(base));
        m.putObject("publisher").put("category", "coordinator").put("name", name).put("namespace", namespace);
        m.put("role", "csaf_trusted_provider");
        return m;
    }

    private Instant lastUpdated() {
        return publisher.lastReleased().orElseGet(clock::instant).truncatedTo(ChronoUnit.SECONDS);
    }

    @GetMapping(path = "/.well-known/csaf/openpgp/{file}")
    public ResponseEntity<byte[]> publicKey(@PathVariable String file) {
        if (!file.equalsIgnoreCase(key.fingerprint() + ".asc")) return notFound();
        return ResponseEntity.ok().contentType(new MediaType("application", "pgp-keys")).body(key.armoredPublicKey());
    }

    @GetMapping(path = "/.well-known/csaf/white/index.txt", produces = "text/plain;charset=UTF-8")
    public String index() {
        StringBuilder out = new StringBuilder();
        for (AdvisoryPublisher.Document d : publisher.published()) out.append(d.csafPath()).append('\n');
        return out.toString();
    }

    /** Section 7.1.13: {@code "<path>","<current_release_date>"}, newest first. */
    @GetMapping(path = "/.well-known/csaf/white/changes.csv", produces = "text/csv;charset=UTF-8")
    public String changes() {
        StringBuilder out = new StringBuilder();
        for (AdvisoryPublisher.Document d : publisher.published()) {
            out.append('"').append(d.csafPath()).append("\",\"").append(d.released().truncatedTo(ChronoUnit.SECONDS))
                    .append("\"\n");
        }
        return out.toString();
    }

    /** The ROLIE feed (RFC 8322, CSAF section 7.1.21). */
    @GetMapping(path = "/.well-known/csaf/white/" + FEED, produces = MediaType.APPLICATION_JSON_VALUE)
    public String feed() throws IOException {
        String base = publicUrl.base();
        String dir = AdvisoryPublisher.directory(base);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode feed = root.putObject("feed");
        feed.put("id", "patchgap-csaf-feed-tlp-white");
        feed.put("title", name + " CSAF feed (TLP:WHITE)");
        feed.putArray("link").addObject().put("rel", "self").put("href", dir + FEED);
        feed.putArray("category").addObject().put("scheme", "urn:ietf:params:rolie:category:information-type")
                .put("term", "csaf");
        feed.put("updated", lastUpdated().toString());
        ArrayNode entries = feed.putArray("entry");
        for (AdvisoryPublisher.Document d : publisher.published()) {
            String url = dir + d.csafPath();
            ObjectNode e = entries.addObject();
            e.put("id", d.advisoryId());
            e.put("title", d.title());
            ArrayNode links = e.putArray("link");
            links.addObject().put("rel", "self").put("href", url);
            links.addObject().put("rel", "hash").put("href", url + ".sha256");
            links.addObject().put("rel", "hash").put("href", url + ".sha512");
            links.addObject().put("rel", "signature").put("href", url + ".asc");
            String released = d.released().truncatedTo(ChronoUnit.SECONDS).toString();
            e.put("published", released);
            e.put("updated", released);
            e.putObject("summary").put("content", d.title());
            e.putObject("content").put("type", "application/json").put("src", url);
            e.putObject("format").put("schema", "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json")
                    .put("version", "2.0");
        }
        return JSON.writeValueAsString(root);
    }

    @GetMapping(path = "/.well-known/csaf/white/{year}/{file}")
    public ResponseEntity<byte[]> document(@PathVariable String year, @PathVariable String file) {
        for (String suffix : List.of(".sha256", ".sha512", ".asc", "")) {
            if (!file.endsWith(suffix)) continue;
            String path = year + "/" + file.substring(0, file.length() - suffix.length());
            Optional<AdvisoryPublisher.Document> found = publisher.byCsafPath(path);
            if (found.isEmpty()) continue;
            AdvisoryPublisher.Document d = found.get();
            String fileName = path.substring(path.indexOf('/') + 1);
            return switch (suffix) {
                case ".sha256" -> text(d.sha256() + "  " + fileName + "\n");
                case ".sha512" -> text(d.sha512() + "  " + fileName + "\n");
                case ".asc" -> ResponseEntity.ok().contentType(new MediaType("application", "pgp-signature"))
                        .body(d.signature().getBytes(StandardCharsets.US_ASCII));
                default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(d.csaf());
            };
        }
        return notFound();
    }

    @GetMapping(path = "/osv/{file}")
    public ResponseEntity<byte[]> osv(@PathVariable String file) {
        if (file.equals("all.zip")) return allZip();
        if (!file.endsWith(".json")) return notFound();
        String id = file.substring(0, file.length() - 5);
        return publisher.byAdvisoryId(id).map(d -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(d.osv()))
                .orElseGet(CsafProviderController::notFound);
    }

    /** Every record in one zip, named {@code <id>.json}, as OSV's own {@code all.zip} exports are. */
    private ResponseEntity<byte[]> allZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (AdvisoryPublisher.Document d : publisher.published()) {
                ZipEntry entry = new ZipEntry(d.advisoryId() + ".json");
                entry.setTime(d.released().toEpochMilli());
                zip.putNextEntry(entry);
                zip.write(d.osv());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("application", "zip")).body(bytes.toByteArray());
    }

    private static ResponseEntity<byte[]> text(String body) {
        return ResponseEntity.ok().contentType(TEXT).body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(TEXT)
                .body("not found\n".getBytes(StandardCharsets.UTF_8));
    }
}
