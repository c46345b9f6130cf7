package org.patchgap.core.windows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.HostFacts;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.Target;
import org.patchgap.core.windows.WindowsFinding.Status;
import org.patchgap.core.windows.WindowsProducts.HostProduct;

/**
 * Decides, for a Windows host and each loaded Microsoft vulnerability, whether the host is exposed.
 *
 * <p>A host is exposed when its product is affected and
 * <ul>
 *   <li>on a cumulative-update product (Windows 10, Server 2016 and later) whose build revision is known: the
 *       revision is below the fixed build;</li>
 *   <li>otherwise: none of the fixing KBs (security-only and monthly rollup alike) is installed, nor any KB that
 *       supersedes one of them, transitively.</li>
 * </ul>
 * It cannot be told when the host's product or updates are unknown, or when the host has an update the data
 * does not know that is later than the fix (it may supersede it). Configuration that lessens the exposure
 * (SMBv1 disabled) is listed beside the finding and never hides it.
 *
 * <pre>{@code
 * WindowsMatcher matcher = new WindowsMatcher(vulnerabilities);
 * for (WindowsFinding f : matcher.match(host)) {
 *     System.out.println(f.host() + " " + f.id() + " " + f.status() + " needs " + f.requiredKbs());
 * }
 * }</pre>
 */
public final class WindowsMatcher {

    /** Configuration keys readers set: the SMB server's SMBv1 switch and the SMB1Protocol optional feature. */
    public static final String SMB1_SERVER = "smb1.server";
    public static final String SMB1_FEATURE = "smb1.feature";

    private static final Pattern SMB1 = Pattern.compile("(?i)\\bSMB\\s?v?1(?:\\.0)?\\b");

    private final List<WindowsVulnerability> vulnerabilities;
    private final Supersedence supersedence;

    public WindowsMatcher(Collection<WindowsVulnerability> vulnerabilities) {
        this.vulnerabilities = merged(vulnerabilities);
        this.supersedence = Supersedence.of(this.vulnerabilities);
    }

    /**
     * One record per CVE: a CVE re-released in a later month's document, or read from both CVRF and CSAF, gives
     * one finding, with the fixes of every record for each product (a later record may add a newer update).
     */
    private static List<WindowsVulnerability> merged(Collection<WindowsVulnerability> vulnerabilities) {
        java.util.Map<String, List<WindowsVulnerability>> byId = new java.util.TreeMap<>();
        vulnerabilities.forEach(v -> byId.computeIfAbsent(v.id(), k -> new ArrayList<>()).add(v));
        List<WindowsVulnerability> out = new ArrayList<>();
        for (List<WindowsVulnerability> same : byId.values()) {
            WindowsVulnerability first = same.get(0);
            if (same.size() == 1) {
                out.add(first);
                continue;
            }
            java.util.Map<String, AffectedWindowsProduct> products = new java.util.LinkedHashMap<>();
            Set<String> workarounds = new LinkedHashSet<>();
            for (WindowsVulnerability v : same) {
                workarounds.addAll(v.workarounds());
                for (AffectedWindowsProduct p : v.affected()) {
                    products.merge(p.name(), p, (a, b) -> new AffectedWindowsProduct(a.name(), a.product(),
                            Severity.bySeverity(a.severity(), b.severity()) >= 0 ? a.severity() : b.severity(),
                            java.util.stream.Stream.concat(a.fixes().stream(), b.fixes().stream()).distinct().toList()));
                }
            }
            out.add(new WindowsVulnerability(first.id(), first.advisoryId(), first.title(), first.description(),
                    first.published(), List.copyOf(products.values()), List.copyOf(workarounds),
                    same.stream().map(WindowsVulnerability::source).distinct().collect(Collectors.joining(", "))));
        }
        return List.copyOf(out);
    }

    /** The findings that need attention: exposed and cannot-tell, ordered by vulnerability id. */
    public List<WindowsFinding> match(Target host) {
        return assess(host).stream().filter(f -> f.status() != Status.FIXED).toList();
    }

    /**
     * Every conclusion for every vulnerability whose products the host runs, including the fixed ones with the
     * KB or chain that fixes them. Targets that are not Windows hosts give nothing.
     */
    public List<WindowsFinding> assess(Target target) {
        Objects.requireNonNull(target, "target");
        HostFacts facts = target.host();
        if (target.kind() != Target.Kind.HOST || facts == null || !looksLikeWindows(facts)) return List.of();
        HostProduct hp = WindowsProducts.ofHost(facts);
        Set<String> installed = facts.installedUpdates().stream()
                .map(Kb::normalize).flatMap(Optional::stream).collect(Collectors.toCollection(TreeSet::new));
        List<WindowsFinding> out = new ArrayList<>();
        for (WindowsVulnerability v : vulnerabilities) {
            WindowsFinding f = assess(target, facts, hp, installed, v);
            if (f != null) out.add(f);
        }
        return List.copyOf(out);
    }

    private @Nullable WindowsFinding assess(Target target, HostFacts facts, HostProduct hp, Set<String> installed,
            WindowsVulnerability v) {
        List<String> mitigations = mitigations(facts, v);
        String build = hp.build() == null ? null : hp.build().toString();
        if (hp.product() == null) {
            // Without the product we cannot say which fixes apply; only an installed fix of some product settles it.
            for (AffectedWindowsProduct p : v.affected()) {
                Optional<String> fixed = fixedBy(p.fixes(), installed);
                if (fixed.isPresent()) {
                    return finding(target, v, p.name(), build, Status.FIXED, List.of(), null, mitigations, p.severity(),
                            fixed.get() + " (the host's product is unknown: " + hp.problem() + ")");
                }
            }
            return finding(target, v, null, build, Status.CANNOT_TELL, allKbs(v.affected()), null, mitigations,
                    v.highestSeverity(), "the host's product is unknown: " + hp.problem());
        }
        WindowsProduct host = hp.product();
        List<AffectedWindowsProduct> candidates = v.affected().stream().filter(p -> same(host, p.product())).toList();
        if (candidates.isEmpty()) {
            List<String> near = v.affected().stream().filter(p -> sameLine(host, p.product()))
                    .map(AffectedWindowsProduct::name).toList();
            if (near.isEmpty()) return null; // the product is not affected
            return finding(target, v, host.label(), build, Status.CANNOT_TELL, allKbs(v.affected().stream()
                            .filter(p -> sameLine(host, p.product())).toList()), null, mitigations, v.highestSeverity(),
                    host.label() + " is not listed by the advisory, which lists " + String.join("; ", near));
        }
        // Server Core and full installation (or both architectures, when unknown) carry the same updates; when
        // the host does not say which, the full installation's entry is reported.
        AffectedWindowsProduct shown = candidates.stream().filter(p -> !p.product().serverCore()).findFirst()
                .orElse(candidates.get(0));
        List<WindowsFix> fixes = candidates.stream().flatMap(p -> p.fixes().stream()).distinct().toList();
        List<String> kbs = fixes.stream().map(WindowsFix::kb).distinct().toList();
        String fixedBuild = fixes.stream().map(WindowsFix::fixedBuild).filter(Objects::nonNull)
                .filter(b -> hp.build() != null && b.sameLine(hp.build())).map(WindowsBuild::toString).findFirst()
                .orElse(fixes.stream().map(WindowsFix::fixedBuild).filter(Objects::nonNull).map(WindowsBuild::toString)
                        .findFirst().orElse(null));
        String note = host.architecture() == null ? " (architecture unknown; the fixes of every architecture are taken)" : "";
        Severity severity = shown.severity() == Severity.UNKNOWN ? v.highestSeverity() : shown.severity();

        if (fixes.isEmpty()) {
            return finding(target, v, shown.name(), build, Status.EXPOSED, List.of(), null, mitigations, severity,
                    "affected, and the advisory names no fix" + note);
        }
        if (host.cumulative() && hp.build() != null && hp.build().revision() != null) {
            Optional<WindowsBuild> fixed = fixes.stream().map(WindowsFix::fixedBuild).filter(Objects::nonNull)
                    .filter(b -> b.sameLine(hp.build()) && b.revision() != null).findFirst();
            if (fixed.isPresent()) {
                int have = hp.build().revision();
                int need = fixed.get().revision();
                if (have >= need) {
                    return finding(target, v, shown.name(), build, Status.FIXED, List.of(), fixed.get().toString(),
                            mitigations, severity, "build " + hp.build() + " is at or above the fixed build " + fixed.get());
                }
                // A fix listed as installed on a build below it: a restart is pending, or the build number is
                // stale (WindowsBuildLabEx lags on some builds). Neither answer would be honest.
                Optional<String> listed = fixedBy(fixes, installed);
                if (listed.isPresent()) {
                    return finding(target, v, shown.name(), build, Status.CANNOT_TELL, kbs, fixed.get().toString(),
                            mitigations, severity, "build " + hp.build() + " is below the fixed build " + fixed.get()
                                    + ", yet " + listed.get() + " (a restart pending, or a stale build number)");
                }
                return finding(target, v, shown.name(), build, Status.EXPOSED, kbs, fixed.get().toString(),
                        mitigations, severity, "build " + hp.build() + " is below the fixed build " + fixed.get());
            }
        }
        Optional<String> fixedBy = fixedBy(fixes, installed);
        if (fixedBy.isPresent()) {
            return finding(target, v, shown.name(), build, Status.FIXED, List.of(), fixedBuild, mitigations, severity,
                    fixedBy.get() + note);
        }
        if (installed.isEmpty()) {
            String why = host.cumulative() && (hp.build() == null || hp.build().revision() == null)
                    ? "the build revision is unknown and the inventory lists no installed updates"
                    : "the inventory lists no installed updates";
            return finding(target, v, shown.name(), build, Status.CANNOT_TELL, kbs, fixedBuild, mitigations, severity, why);
        }
        long firstFix = kbs.stream().mapToLong(Kb::number).min().orElse(Long.MAX_VALUE);
        List<String> unknownLater = installed.stream()
                .filter(kb -> !supersedence.knows(kb) && Kb.number(kb) > firstFix).toList();
        if (!unknownLater.isEmpty()) {
            return finding(target, v, shown.name(), build, Status.CANNOT_TELL, kbs, fixedBuild, mitigations, severity,
                    "none of " + String.join(", ", kbs) + " is installed; " + String.join(", ", unknownLater)
                            + (unknownLater.size() == 1 ? " is" : " are")
                            + " not in the supersedence data and may supersede them" + note);
        }
        return finding(target, v, shown.name(), build, Status.EXPOSED, kbs, fixedBuild, mitigations, severity,
                "none of " + String.join(", ", kbs) + " nor any update superseding them is installed" + note);
    }

    /** How an installed update fixes it: the KB itself, or the supersedence chain from an installed KB. */
    private Optional<String> fixedBy(List<WindowsFix> fixes, Set<String> installed) {
        for (WindowsFix fix : fixes) {
            if (installed.contains(fix.kb())) {
                return Optional.of(fix.kb() + " is installed" + (fix.subType() == null ? "" : " (" + fix.subType() + ")"));
            }
        }
        for (WindowsFix fix : fixes) {
            Optional<List<String>> path = supersedence.supersedingPath(fix.kb(), installed);
            if (path.isPresent()) {
                return Optional.of(path.get().get(0) + " is installed and supersedes " + fix.kb()
                        + (path.get().size() > 2 ? " (via " + String.join(" -> ", path.get()) + ")" : ""));
            }
        }
        return Optional.empty();
    }

    private static List<String> allKbs(List<AffectedWindowsProduct> products) {
        Set<String> kbs = new LinkedHashSet<>();
        products.forEach(p -> p.fixes().forEach(f -> kbs.add(f.kb())));
        return List.copyOf(kbs);
    }

    /** Same product: family, release, service pack; architecture and installation option where the host says. */
    static boolean same(WindowsProduct host, WindowsProduct advisory) {
        return sameLine(host, advisory) && host.servicePack() == advisory.servicePack()
                && (host.architecture() == null || host.architecture() == advisory.architecture());
    }

    /** Same family and release, whatever the service pack (to report unlisted service pack levels). */
    private static boolean sameLine(WindowsProduct host, WindowsProduct advisory) {
        return host.family().equals(advisory.family()) && Objects.equals(host.release(), advisory.release());
    }

    private static boolean looksLikeWindows(HostFacts facts) {
        if (facts.osName() != null && facts.osName().toLowerCase(Locale.ROOT).contains("windows")) return true;
        if (facts.installedUpdates().stream().anyMatch(u -> Kb.normalize(u).isPresent())) return true;
        return facts.configuration().containsKey(SMB1_SERVER) || facts.configuration().containsKey(SMB1_FEATURE);
    }

    private static List<String> mitigations(HostFacts facts, WindowsVulnerability v) {
        boolean smb1 = SMB1.matcher(v.title()).find()
                || (v.description() != null && SMB1.matcher(v.description()).find())
                || v.workarounds().stream().anyMatch(w -> SMB1.matcher(w).find());
        if (!smb1) return List.of();
        List<String> out = new ArrayList<>();
        if ("disabled".equalsIgnoreCase(facts.configuration().get(SMB1_SERVER))) {
            out.add("SMBv1 server disabled (" + SMB1_SERVER + "=disabled)");
        }
        if ("disabled".equalsIgnoreCase(facts.configuration().get(SMB1_FEATURE))) {
            out.add("SMB1Protocol feature disabled (" + SMB1_FEATURE + "=disabled)");
        }
        return out;
    }

    private static WindowsFinding finding(Target t, WindowsVulnerability v, @Nullable String product, @Nullable String build,
            Status status, List<String> kbs, @Nullable String fixedBuild, List<String> mitigations, Severity severity,
            String evidence) {
        return new WindowsFinding(t.name(), t.source(), v, product, build, status, kbs, fixedBuild, mitigations, severity,
                evidence);
    }
}
