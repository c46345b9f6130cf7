package org.patchgap.core.match;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.cpe.CpeAttribute;
import org.patchgap.core.cpe.CpeMatching;
import org.patchgap.core.cpe.CpeName;
import org.patchgap.core.cpe.CpeValue;
import org.patchgap.core.cpe.MalformedCpeException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Problem;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.VersionSchemes;

/**
 * Matches a component by its CPE name against the advisories' CPE criteria (ecosystem {@code CPE}): the
 * criteria of the component's vendor and product are looked up by their key, each applies when it matches
 * the component's CPE by NISTIR 7696 (the criteria is the source, the component the target), and the ranges
 * NVD gives with a criteria of version ANY are evaluated in the generic version order. Only components with a
 * CPE reach this class, so the package path pays nothing for it.
 */
final class CpeComponentMatcher {

    /** NVD versions follow no one scheme: the generic order, findings flagged as not exact. */
    private static final VersionScheme SCHEME = VersionSchemes.forEcosystem(CpeName.ECOSYSTEM);
    private static final Matcher.EcosystemContext CONTEXT = new Matcher.EcosystemContext(CpeName.ECOSYSTEM, SCHEME);

    private final AdvisoryIndex index;

    CpeComponentMatcher(AdvisoryIndex index) {
        this.index = index;
    }

    /**
     * The component's findings, or null when it cannot be matched: its CPE is malformed (a problem is added),
     * or no version is known (the CPE's version is ANY, NA or a wildcard, and the component has none of its own).
     */
    Matcher.@Nullable ComponentMatch match(String target, Component component, List<Problem> problems) {
        CpeName name;
        try {
            name = CpeName.parse(component.cpe());
        } catch (MalformedCpeException e) {
            problems.add(new Problem(component.location(), e.getMessage() + "; component not matched"));
            return null;
        }
        String versionText = installedVersion(name, component);
        if (versionText == null) return null;
        Version installed;
        try {
            installed = SCHEME.parse(versionText);
        } catch (InvalidVersionException e) {
            problems.add(new Problem(component.location(), e.getMessage() + "; component not matched"));
            return null;
        }
        PackageEntries candidates = index.candidatesByKey(CpeName.ECOSYSTEM, name.vendorProductKey());
        if (candidates.entries().isEmpty()) return Matcher.NOTHING;
        // The version the ranges see is also the one the criteria's own version attribute is compared with.
        CpeName installedName = name.version().isAny() ? name.with(CpeAttribute.VERSION, CpeValue.literal(versionText)) : name;
        List<CompiledPackage> applicable = new ArrayList<>();
        for (CompiledPackage entry : candidates.entries()) {
            if (entry.criteria() != null && CpeMatching.matches(entry.criteria(), installedName)) applicable.add(entry);
        }
        if (applicable.isEmpty()) return Matcher.NOTHING;
        return Matcher.matchComponent(target, component, installed,
                PackageEntries.of(candidates.positions(), applicable), CONTEXT);
    }

    private static @Nullable String installedVersion(CpeName name, Component component) {
        CpeValue version = name.version();
        if (version.kind() == CpeValue.Kind.STRING && !version.hasWildcards()) return version.text();
        if (version.isAny() && component.version() != null && !component.version().isBlank()) {
            return component.version().strip();
        }
        return null;
    }
}
