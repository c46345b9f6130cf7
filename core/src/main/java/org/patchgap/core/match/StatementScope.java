package org.patchgap.core.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.patchgap.core.cpe.CpeMatching;
import org.patchgap.core.cpe.CpeName;
import org.patchgap.core.cpe.MalformedCpeException;
import org.patchgap.core.ecosystem.PackageNames;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.VersionSchemes;

/**
 * Whether a not-affected statement covers an installed component: same ecosystem and package key (for a component
 * matched by its CPE, a statement CPE that matches the component's), and the version among the statement's versions or inside its ranges (a statement naming no version covers them all).
 *
 * <p>Statements are few (a VEX document names a handful of products), so they are evaluated when a match needs
 * them, not compiled into the index. A version the scheme rejects makes that version or range cover nothing:
 * when in doubt, the finding stays.
 */
final class StatementScope {

    private StatementScope() {}

    /**
     * @param ecosystem canonical ecosystem of the component ({@link VersionSchemes#canonicalName})
     * @param name      the component's name as it spells it
     */
    static boolean covers(NotAffectedStatement statement, String ecosystem, String name, Version installed,
            VersionScheme scheme) {
        String statementEcosystem = VersionSchemes.canonicalName(statement.ecosystem());
        if (!statementEcosystem.equals(ecosystem)) return false;
        if (!PackageNames.key(ecosystem, statement.name()).equals(PackageNames.key(ecosystem, name))) return false;
        return coversVersion(statement, installed, scheme);
    }

    /**
     * Whether a statement of ecosystem {@code CPE} covers a component known by its CPE name: the statement's CPE
     * (the source) matches the component's (the target) by NISTIR 7696 name matching, as an NVD criteria does, and
     * its versions or ranges hold the installed version in the generic order (docs/decisions/0009, 0010).
     *
     * @param installedName the component's CPE, its version ANY replaced by the installed version
     */
    static boolean coversCpe(NotAffectedStatement statement, CpeName installedName, Version installed,
            VersionScheme scheme) {
        if (!CpeName.ECOSYSTEM.equals(VersionSchemes.canonicalName(statement.ecosystem()))) return false;
        CpeName statementName;
        try {
            statementName = CpeName.parse(statement.name());
        } catch (MalformedCpeException e) {
            return false; // when in doubt, the finding stays
        }
        return CpeMatching.matches(statementName, installedName) && coversVersion(statement, installed, scheme);
    }

    private static boolean coversVersion(NotAffectedStatement statement, Version installed, VersionScheme scheme) {
        if (statement.coversEveryVersion()) return true;
        for (String listed : statement.versions()) {
            if (listed.equals(installed.text())) return true;
            try {
                if (scheme.parse(listed).compareTo(installed) == 0) return true;
            } catch (InvalidVersionException e) {
                // An unparsable listed version matches by its text only (as affected versions do).
            }
        }
        for (AffectedRange range : statement.ranges()) {
            if (range.type() != AffectedRange.Type.GIT && inRange(range, installed, scheme)) return true;
        }
        return false;
    }

    /** OSV's evaluation of one range's events (introduced / fixed / last_affected, sorted by version). */
    private static boolean inRange(AffectedRange range, Version installed, VersionScheme scheme) {
        record Event(RangeEvent.Kind kind, Version version) {}
        List<Event> events = new ArrayList<>();
        boolean fromStart = false;
        try {
            for (RangeEvent e : range.events()) {
                if (e.kind() == RangeEvent.Kind.LIMIT) continue;
                if (e.kind() == RangeEvent.Kind.INTRODUCED && "0".equals(e.version())) {
                    fromStart = true;
                    continue;
                }
                events.add(new Event(e.kind(), scheme.parse(e.version())));
            }
        } catch (InvalidVersionException e) {
            return false;
        }
        events.sort(Comparator.comparing(Event::version));
        boolean in = fromStart;
        for (Event e : events) {
            int c = e.version().compareTo(installed);
            switch (e.kind()) {
                case INTRODUCED -> { if (c <= 0) in = true; }
                case FIXED -> { if (c <= 0) in = false; }
                case LAST_AFFECTED -> { if (c < 0) in = false; }
                default -> { }
            }
        }
        return in;
    }
}
