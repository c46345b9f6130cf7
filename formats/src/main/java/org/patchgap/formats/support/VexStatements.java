package org.patchgap.formats.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.cpe.CpeAttribute;
import org.patchgap.core.cpe.CpeName;
import org.patchgap.core.cpe.CpeValue;
import org.patchgap.core.cpe.MalformedCpeException;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.purl.MalformedPurlException;
import org.patchgap.core.purl.PurlIdentity;
import org.patchgap.core.purl.PurlResolution;
import org.patchgap.core.range.Interval;
import org.patchgap.core.range.InvalidRangeException;
import org.patchgap.core.range.RangeSyntaxes;
import org.patchgap.core.range.VersionRange;

/**
 * Turns the product identifiers of VEX documents (OpenVEX, CycloneDX VEX) into {@link NotAffectedStatement}s the
 * way the CSAF reader does: a purl names a package in its OSV ecosystem, a CPE a package of ecosystem {@code CPE}
 * named by its 2.3 formatted string with version ANY (docs/decisions/0009, 0010). Whatever cannot be held exactly
 * is a problem and makes no statement: a statement must never widen to more versions than its author meant.
 */
public final class VexStatements {

    private VexStatements() {}

    /** The package a product identifier names, and the version the identifier itself carries, if any. */
    public record Subject(String ecosystem, String name, @Nullable String purl, @Nullable String version) {}

    /**
     * The package of a purl; null, with a problem naming {@code what}, when it is malformed or names no ecosystem
     * the matcher knows.
     */
    public static @Nullable Subject ofPurl(String purl, String what, Location at, List<Problem> problems) {
        PurlResolution resolution;
        try {
            resolution = PurlIdentity.resolve(purl);
        } catch (MalformedPurlException e) {
            problems.add(new Problem(at, what + ": bad purl " + purl + ": " + e.getMessage() + "; no statement"));
            return null;
        }
        PurlIdentity i = resolution.identity();
        if (i == null) {
            problems.add(new Problem(at, what + ": purl " + purl + " not matched: " + resolution.unmappedReason()
                    + "; no statement"));
            return null;
        }
        String base = i.purl().contains("@") ? i.purl().substring(0, i.purl().indexOf('@')) : i.purl();
        return new Subject(i.ecosystem(), i.name(), base, i.version());
    }

    /**
     * The package of a CPE name (2.3 formatted string or 2.2 URI); its version, when it names one, is the subject's
     * version. Null, with a problem, when it is malformed.
     */
    public static @Nullable Subject ofCpe(String cpe, String what, Location at, List<Problem> problems) {
        CpeName name;
        try {
            name = CpeName.parse(cpe);
        } catch (MalformedCpeException e) {
            problems.add(new Problem(at, what + ": " + e.getMessage() + "; no statement"));
            return null;
        }
        CpeValue version = name.version();
        String text = version.kind() == CpeValue.Kind.STRING && !version.hasWildcards() ? version.text() : null;
        return new Subject(CpeName.ECOSYSTEM, name.with(CpeAttribute.VERSION, CpeValue.ANY).toFormattedString(),
                null, text);
    }

    /** A statement about {@code subject}: its listed versions and ranges, or every version when both are empty. */
    public static NotAffectedStatement statement(Subject subject, List<AffectedRange> ranges, Set<String> versions,
            NotAffectedStatement.@Nullable Justification justification, @Nullable String impact) {
        return new NotAffectedStatement(subject.ecosystem(), subject.name(), subject.purl(), ranges,
                List.copyOf(versions), justification, impact);
    }

    /**
     * A version range ({@code vers:} URI or the ecosystem's own syntax) as explicit versions (a single-version
     * interval) and OSV-style ranges; false, with a problem naming {@code what}, when it cannot be read or held
     * (OSV events have no exclusive lower bound and no holes).
     */
    public static boolean ranges(String ecosystem, String range, String what, Set<String> versionsOut,
            List<AffectedRange> rangesOut, Location at, List<Problem> problems) {
        VersionRange parsed;
        try {
            parsed = RangeSyntaxes.parse(ecosystem, range);
        } catch (InvalidRangeException e) {
            problems.add(new Problem(at, what + ": version range " + range + " ignored: " + e.getMessage()));
            return false;
        }
        for (Interval interval : parsed.intervals()) {
            if (!interval.excluded().isEmpty() || !interval.conditions().isEmpty()
                    || (interval.lower() != null && !interval.lower().inclusive())) {
                problems.add(new Problem(at, what + ": version range " + range
                        + " has an exclusive lower bound or exclusions the model cannot hold; ignored"));
                return false;
            }
        }
        for (Interval interval : parsed.intervals()) {
            if (interval.lower() != null && interval.upper() != null && interval.upper().inclusive()
                    && interval.lower().version().compareTo(interval.upper().version()) == 0) {
                versionsOut.add(interval.lower().version().text());
                continue;
            }
            List<RangeEvent> events = new ArrayList<>();
            events.add(RangeEvent.introduced(interval.lower() == null ? "0" : interval.lower().version().text()));
            if (interval.upper() != null) {
                String v = interval.upper().version().text();
                events.add(interval.upper().inclusive() ? RangeEvent.lastAffected(v) : RangeEvent.fixed(v));
            }
            rangesOut.add(new AffectedRange(AffectedRange.Type.ECOSYSTEM, null, events));
        }
        return true;
    }
}
