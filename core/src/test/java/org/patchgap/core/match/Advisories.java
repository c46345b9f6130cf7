package org.patchgap.core.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.Remediation;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;

/** A small fluent builder of advisory records for matcher tests (in the spirit of grype's dbtest). */
final class Advisories {

    private final String id;
    private final List<String> aliases = new ArrayList<>();
    private final List<AffectedPackage> affected = new ArrayList<>();
    private final List<Severity> severities = new ArrayList<>();
    private final List<NotAffectedStatement> notAffected = new ArrayList<>();
    private Instant withdrawn;

    private Advisories(String id) {
        this.id = id;
    }

    static Advisories advisory(String id) {
        return new Advisories(id);
    }

    Advisories aliases(String... ids) {
        aliases.addAll(List.of(ids));
        return this;
    }

    Advisories severity(SeverityLevel level) {
        severities.add(new Severity(level, null, null, "database_specific"));
        return this;
    }

    Advisories withdrawn() {
        withdrawn = Instant.parse("2024-01-01T00:00:00Z");
        return this;
    }

    /** An ECOSYSTEM range for {@code ecosystem}/{@code name} with events written as {@code "introduced:1.0"}. */
    Advisories range(String ecosystem, String name, String... events) {
        return range(AffectedRange.Type.ECOSYSTEM, ecosystem, name, events);
    }

    Advisories range(AffectedRange.Type type, String ecosystem, String name, String... events) {
        List<RangeEvent> parsed = new ArrayList<>();
        for (String event : events) {
            int colon = event.indexOf(':');
            RangeEvent.Kind kind = RangeEvent.Kind.valueOf(event.substring(0, colon).toUpperCase());
            parsed.add(new RangeEvent(kind, event.substring(colon + 1)));
        }
        String repo = type == AffectedRange.Type.GIT ? "https://example.org/repo.git" : null;
        affected.add(new AffectedPackage(ecosystem, name, null, List.of(new AffectedRange(type, repo, parsed)),
                List.of(), null));
        return this;
    }

    Advisories versions(String ecosystem, String name, String... versions) {
        affected.add(new AffectedPackage(ecosystem, name, null, List.of(), List.of(versions), null));
        return this;
    }

    Advisories packageSeverity(String ecosystem, String name, SeverityLevel level, String... events) {
        range(ecosystem, name, events);
        AffectedPackage last = affected.remove(affected.size() - 1);
        affected.add(new AffectedPackage(last.ecosystem(), last.name(), null, last.ranges(), last.versions(),
                new Severity(level, null, null, "ecosystem_specific")));
        return this;
    }

    /** A not-affected statement (VEX) for {@code ecosystem}/{@code name}: every version when none is listed. */
    Advisories notAffected(String ecosystem, String name, String... versions) {
        notAffected.add(new NotAffectedStatement(ecosystem, name, null, List.of(), List.of(versions),
                NotAffectedStatement.Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH, "not reachable"));
        return this;
    }

    /** A not-affected statement covering the range written as events ({@code "introduced:1.0"}). */
    Advisories notAffectedRange(String ecosystem, String name, String... events) {
        range(ecosystem, name, events);
        AffectedPackage last = affected.remove(affected.size() - 1);
        notAffected.add(new NotAffectedStatement(ecosystem, name, null, last.ranges(), List.of(), null, null));
        return this;
    }

    /** Adds remediations to the last affected entry. */
    Advisories remediation(Remediation.Category category, String details, String url) {
        AffectedPackage last = affected.remove(affected.size() - 1);
        List<Remediation> all = new ArrayList<>(last.remediations());
        all.add(new Remediation(category, details, url, null));
        affected.add(new AffectedPackage(last.ecosystem(), last.name(), last.purl(), last.ranges(), last.versions(),
                last.severity(), all));
        return this;
    }

    Vulnerability build() {
        return new Vulnerability(id, aliases, "summary of " + id, null, null, withdrawn, severities, affected,
                List.of(), "test/" + id + ".json", notAffected);
    }
}
