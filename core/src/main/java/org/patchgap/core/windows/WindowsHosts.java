package org.patchgap.core.windows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.HostFacts;
import org.patchgap.core.model.Target;

/**
 * Joins the pieces of one host that came from several exports: administrators often save {@code systeminfo}
 * (product and build), {@code Get-HotFix} (updates) and {@code Get-SmbServerConfiguration} (SMBv1) side by side.
 * Hosts are the same when their names are, ignoring case and the DNS domain ({@code WIN7-A} and
 * {@code win7-a.corp.example.com}).
 */
public final class WindowsHosts {

    private WindowsHosts() {}

    /** Whether a target is a Windows host: what only Microsoft's updates can be matched against. */
    public static boolean isWindows(Target target) {
        return target.host() != null && target.host().osName() != null
                && target.host().osName().toLowerCase(Locale.ROOT).contains("windows");
    }

    /**
     * Merges HOST targets of the same name, keeping the first appearance's place in the list; other targets pass
     * through unchanged. The merged host takes its name from the first part that names a product. Facts: the first known value of each, except the build, where one with an update
     * revision wins; updates are united; configurations are united (a later file wins a conflicting key).
     */
    public static List<Target> merge(List<Target> targets) {
        Map<String, List<Target>> groups = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        for (Target t : targets) {
            if (t.kind() != Target.Kind.HOST || t.host() == null) {
                order.add(t);
                continue;
            }
            String key = key(t.name());
            if (!groups.containsKey(key)) order.add(key);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
        }
        List<Target> out = new ArrayList<>();
        for (Object o : order) {
            out.add(o instanceof Target t ? t : join(groups.get((String) o)));
        }
        return List.copyOf(out);
    }

    private static String key(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        int dot = n.indexOf('.');
        // An IP address keeps its dots; a DNS name is compared by its first label.
        return dot > 0 && !n.matches("[0-9.]+") ? n.substring(0, dot) : n;
    }

    private static Target join(List<Target> parts) {
        if (parts.size() == 1) return parts.get(0);
        // The name as the export that names the product spells it (a configuration-only export may be named after
        // its directory, in another case).
        String name = parts.stream().filter(t -> t.host().osName() != null).findFirst().orElse(parts.get(0)).name();
        Set<String> sources = new LinkedHashSet<>();
        List<Component> components = new ArrayList<>();
        String osName = null, osVersion = null, build = null, arch = null, sp = null;
        Set<String> updates = new TreeSet<>();
        Map<String, String> config = new LinkedHashMap<>();
        for (Target t : parts) {
            HostFacts f = t.host();
            sources.add(t.source());
            components.addAll(t.components());
            osName = first(osName, f.osName());
            osVersion = first(osVersion, f.osVersion());
            arch = first(arch, f.architecture());
            sp = first(sp, f.servicePack());
            if (build == null || (!hasRevision(build) && hasRevision(f.build()))) build = first(f.build(), build);
            updates.addAll(f.installedUpdates());
            config.putAll(f.configuration());
        }
        return new Target(name, Target.Kind.HOST, String.join(", ", sources), components,
                new HostFacts(osName, osVersion, build, arch, sp, List.copyOf(updates), config));
    }

    private static boolean hasRevision(@Nullable String build) {
        return WindowsBuild.parse(build).map(b -> b.revision() != null).orElse(false);
    }

    private static @Nullable String first(@Nullable String a, @Nullable String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
