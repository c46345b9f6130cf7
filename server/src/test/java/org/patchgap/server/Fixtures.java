package org.patchgap.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small advisories and inventories written in their real formats (OSV 1.6, CycloneDX 1.5 JSON) for tests. */
public final class Fixtures {

    private Fixtures() {}

    /** An npm package at a version. */
    public record Pkg(String name, String version) {}

    public static byte[] osv(String id, String cve, String npmPackage, String introduced, String fixed, String published) {
        return osv(id, cve, npmPackage, introduced, fixed, published, null, "HIGH");
    }

    public static byte[] osv(String id, String cve, String npmPackage, String introduced, String fixed, String published,
            String withdrawn, String severity) {
        String json = """
                {
                  "schema_version": "1.6.0",
                  "id": "%s",
                  "aliases": ["%s"],
                  "summary": "test flaw in %s",
                  "published": "%s",
                  "modified": "%s",
                  %s
                  "database_specific": {"severity": "%s"},
                  "affected": [{
                    "package": {"ecosystem": "npm", "name": "%s"},
                    "ranges": [{"type": "SEMVER", "events": [{"introduced": "%s"}%s]}]
                  }]
                }
                """.formatted(id, cve, npmPackage, published, withdrawn != null ? withdrawn : published,
                withdrawn != null ? "\"withdrawn\": \"" + withdrawn + "\"," : "", severity, npmPackage, introduced,
                fixed == null ? "" : ", {\"fixed\": \"" + fixed + "\"}");
        return json.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] sbom(String name, Pkg... packages) {
        List<String> components = new ArrayList<>();
        for (Pkg p : packages) {
            components.add("""
                    {"type": "library", "bom-ref": "%s@%s", "name": "%s", "version": "%s", "purl": "pkg:npm/%s@%s"}"""
                    .formatted(p.name(), p.version(), p.name(), p.version(), p.name(), p.version()));
        }
        String json = """
                {
                  "bomFormat": "CycloneDX",
                  "specVersion": "1.5",
                  "version": 1,
                  "metadata": {"component": {"type": "application", "name": "%s", "version": "1.0.0"}},
                  "components": [%s]
                }
                """.formatted(name, String.join(",\n", components));
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
