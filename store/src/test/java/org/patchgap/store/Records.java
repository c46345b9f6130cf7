package org.patchgap.store;

import java.time.Instant;
import java.util.List;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;

/** Advisory records for store tests, built in code: the store must keep every field as it was. */
final class Records {

    static final String PREFIX = "/tmp/fixture/all.zip!/";

    private Records() {}

    /** One affected package with an ECOSYSTEM range fixed at {@code fixed}. */
    static Vulnerability advisory(String id, String ecosystem, String name, String fixed, String... aliases) {
        return new Vulnerability(id, List.of(aliases), "summary of " + id, Instant.parse("2024-01-02T03:04:05Z"),
                Instant.parse("2024-05-06T07:08:09.123456789Z"), null,
                List.of(new Severity(SeverityLevel.HIGH, 7.5, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", "CVSS_V3")),
                List.of(new AffectedPackage(ecosystem, name, null,
                        List.of(new AffectedRange(AffectedRange.Type.ECOSYSTEM, null,
                                List.of(RangeEvent.introduced("0"), RangeEvent.fixed(fixed)))),
                        List.of(), null)),
                List.of("https://example.org/" + id), PREFIX + id + ".json");
    }

    /** A record using every optional part of the model: several packages and ecosystems, git ranges, words. */
    static Vulnerability everything() {
        return new Vulnerability("GHSA-aaaa-bbbb-cccc", List.of("CVE-2021-44228", "PYSEC-2021-1"),
                "ünïcode summary — with a dash", Instant.ofEpochSecond(-5, 7), Instant.parse("2023-01-01T00:00:00Z"),
                Instant.parse("2023-02-01T00:00:00Z"),
                List.of(new Severity(SeverityLevel.CRITICAL, 10.0, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
                                "CVSS_V3"),
                        new Severity(SeverityLevel.MEDIUM, null, null, "database_specific")),
                List.of(new AffectedPackage("Maven", "org.apache.logging.log4j:log4j-core",
                                "pkg:maven/org.apache.logging.log4j/log4j-core",
                                List.of(new AffectedRange(AffectedRange.Type.ECOSYSTEM, null,
                                                List.of(RangeEvent.introduced("2.0-beta9"), RangeEvent.fixed("2.15.0"))),
                                        new AffectedRange(AffectedRange.Type.GIT, "https://github.com/apache/logging-log4j2",
                                                List.of(RangeEvent.introduced("0"), RangeEvent.lastAffected("abc123"),
                                                        RangeEvent.limit("*")))),
                                List.of("2.0", "2.1", "2.14.1"),
                                new Severity(SeverityLevel.LOW, 2.0, null, "ecosystem_specific")),
                        new AffectedPackage("Debian:12", "apache-log4j2", null,
                                List.of(new AffectedRange(AffectedRange.Type.ECOSYSTEM, null,
                                        List.of(RangeEvent.introduced("0"), RangeEvent.fixed("2.15.0-1")))),
                                List.of(), null)),
                List.of(), "https://elsewhere.example/GHSA-aaaa-bbbb-cccc.json");
    }
}
