package org.patchgap.core.windows;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which KB replaces which, gathered from every loaded advisory's {@code Supercedence} fields: a later monthly
 * rollup replaces the previous one, so a host that has the May rollup is fixed for what the March rollup
 * fixed although the March KB is no longer installed. Also knows every KB the data mentions at all, so that
 * the matcher can tell "not a fix" from "not known".
 */
public final class Supersedence {

    /** newer KB -> the KBs it directly supersedes. */
    private final Map<String, Set<String>> supersedes = new HashMap<>();
    /** older KB -> the KBs that directly supersede it. */
    private final Map<String, Set<String>> supersededBy = new HashMap<>();
    private final Set<String> known = new HashSet<>();
    /** KB -> every KB that supersedes it, transitively; computed on first use (hosts share the same fixes). */
    private final Map<String, Set<String>> closure = new java.util.concurrent.ConcurrentHashMap<>();

    /** Builds the graph from every fix of every vulnerability. */
    public static Supersedence of(Collection<WindowsVulnerability> vulnerabilities) {
        Supersedence s = new Supersedence();
        for (WindowsVulnerability v : vulnerabilities) {
            for (AffectedWindowsProduct p : v.affected()) {
                for (WindowsFix fix : p.fixes()) {
                    s.add(fix.kb(), fix.supersedes());
                }
            }
        }
        return s;
    }

    /** Records that {@code newer} supersedes each of {@code older}. */
    void add(String newer, Collection<String> older) {
        closure.clear();
        known.add(newer);
        for (String o : older) {
            if (o.equals(newer)) continue;
            known.add(o);
            supersedes.computeIfAbsent(newer, k -> new HashSet<>()).add(o);
            supersededBy.computeIfAbsent(o, k -> new HashSet<>()).add(newer);
        }
    }

    /** Whether the data mentions {@code kb} at all, as a fix or as superseded. */
    public boolean knows(String kb) {
        return known.contains(kb);
    }

    /**
     * The chain by which an installed KB replaces {@code fix}, transitively: e.g. for fix {@code KB4012215} and
     * installed {@code KB4019264} the path {@code [KB4019264, KB4015549, KB4012215]}; empty when none of
     * {@code installed} supersedes it. Breadth-first, so the shortest chain is shown.
     */
    public Optional<List<String>> supersedingPath(String fix, Set<String> installed) {
        Set<String> all = closure.computeIfAbsent(fix, this::supersedersOf);
        if (all.stream().noneMatch(installed::contains)) return Optional.empty();
        Map<String, String> next = new LinkedHashMap<>(); // visited KB -> the KB it supersedes on the way to fix
        Deque<String> queue = new ArrayDeque<>();
        next.put(fix, null);
        queue.add(fix);
        while (!queue.isEmpty()) {
            String kb = queue.poll();
            for (String newer : supersededBy.getOrDefault(kb, Set.of())) {
                if (next.containsKey(newer)) continue;
                next.put(newer, kb);
                if (installed.contains(newer)) {
                    List<String> path = new java.util.ArrayList<>();
                    for (String k = newer; k != null; k = next.get(k)) path.add(k);
                    return Optional.of(List.copyOf(path));
                }
                queue.add(newer);
            }
        }
        return Optional.empty();
    }

    private Set<String> supersedersOf(String kb) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(kb));
        while (!queue.isEmpty()) {
            for (String newer : supersededBy.getOrDefault(queue.poll(), Set.of())) {
                if (!newer.equals(kb) && seen.add(newer)) queue.add(newer);
            }
        }
        return Set.copyOf(seen);
    }

    /** How many KBs the data mentions. */
    public int size() {
        return known.size();
    }
}
