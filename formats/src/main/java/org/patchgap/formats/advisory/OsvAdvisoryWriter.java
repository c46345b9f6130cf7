package org.patchgap.formats.advisory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.patchgap.core.purl.MalformedPurlException;
import org.patchgap.core.purl.PurlIdentity;
import org.patchgap.core.purl.PurlResolution;
import org.patchgap.formats.cvss.CvssScores;
import org.patchgap.formats.cvss.InvalidCvssVectorException;

/**
 * Writes a draft as an OSV record (schema 1.6): one {@code affected[]} entry per package product with an
 * {@code ECOSYSTEM} range per draft range. Products named only by CPE have no OSV package and are left out (the CSAF
 * document carries them). The CVE is an alias, the CSAF document an {@code ADVISORY} reference.
 */
public final class OsvAdvisoryWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OsvAdvisoryWriter() {}

    public static byte[] bytes(AdvisoryDraft draft, String id, Instant published, String csafUrl) {
        try {
            return (JSON.writeValueAsString(record(draft, id, published, csafUrl)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of our own always serialises", e);
        }
    }

    public static ObjectNode record(AdvisoryDraft draft, String id, Instant published, String csafUrl) {
        ObjectNode r = JSON.createObjectNode();
        r.put("schema_version", "1.6.0");
        r.put("id", id);
        String time = CsafAdvisoryWriter.time(published);
        r.put("modified", time);
        r.put("published", time);
        if (draft.cve() != null) r.putArray("aliases").add(draft.cve());
        r.put("summary", draft.title());
        r.put("details", draft.summary().equals(draft.details()) ? draft.summary() : draft.summary() + "\n\n" + draft.details());
        if (draft.cvss() != null) {
            try {
                r.putArray("severity").addObject().put("type", CvssScores.versionOf(draft.cvss()).osvType())
                        .put("score", draft.cvss());
            } catch (InvalidCvssVectorException e) {
                throw new IllegalArgumentException("the draft reader refuses vectors that do not score", e);
            }
        }
        ArrayNode affected = r.putArray("affected");
        for (AdvisoryDraft.Product product : draft.products()) {
            if (product.purl() == null) continue;
            PurlResolution resolution;
            try {
                resolution = PurlIdentity.resolve(product.purl());
            } catch (MalformedPurlException e) {
                throw new IllegalArgumentException("the draft reader refuses broken purls", e);
            }
            ObjectNode entry = affected.addObject();
            entry.putObject("package").put("ecosystem", resolution.identity().ecosystem())
                    .put("name", resolution.identity().name()).put("purl", resolution.purl());
            ArrayNode ranges = entry.putArray("ranges");
            for (AdvisoryDraft.Range range : product.affected()) {
                ArrayNode events = ranges.addObject().put("type", "ECOSYSTEM").putArray("events");
                events.addObject().put("introduced", range.introduced() == null ? "0" : range.introduced());
                if (range.fixed() != null) events.addObject().put("fixed", range.fixed());
            }
            entry.putObject("ecosystem_specific").put("remediation", CsafAdvisoryWriter.remediationText(product));
        }
        ArrayNode references = r.putArray("references");
        references.addObject().put("type", "ADVISORY").put("url", csafUrl);
        for (AdvisoryDraft.Product product : draft.products()) {
            if (product.fixUrl() != null) references.addObject().put("type", "FIX").put("url", product.fixUrl());
        }
        for (String url : draft.references()) references.addObject().put("type", "WEB").put("url", url);
        if (!draft.acknowledgments().isEmpty()) {
            ArrayNode credits = r.putArray("credits");
            draft.acknowledgments().forEach(name -> credits.addObject().put("name", name).put("type", "FINDER"));
        }
        if (draft.cwe() != null) r.putObject("database_specific").putArray("cwe_ids").add(draft.cwe().id());
        return r;
    }
}
