package org.patchgap.server.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * Validates documents against the CSAF 2.0 JSON schemas (draft 2020-12) with networknt's validator, every
 * {@code $ref} to FIRST's CVSS schemas and to OASIS's own resolved to the copies in
 * {@code resources/schemas/csaf}: validation never goes to the network.
 */
public final class CsafSchema {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(resolvers -> resolvers
                    .mapPrefix("https://www.first.org/cvss/", "classpath:schemas/csaf/first/")
                    .mapPrefix("https://docs.oasis-open.org/csaf/csaf/v2.0/", "classpath:schemas/csaf/")));
    private static final Schema DOCUMENT = REGISTRY.getSchema(
            SchemaLocation.of("https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json"));
    private static final Schema PROVIDER = REGISTRY.getSchema(
            SchemaLocation.of("https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json"));

    private CsafSchema() {}

    /** Every way a CSAF document breaks the schema, as "path: message"; empty when it is valid. */
    public static List<String> document(JsonNode document) {
        return messages(DOCUMENT.validate(document));
    }

    /** The same for a provider metadata document ({@code provider-metadata.json}). */
    public static List<String> providerMetadata(JsonNode metadata) {
        return messages(PROVIDER.validate(metadata));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
