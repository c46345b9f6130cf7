package org.patchgap.formats.ignore;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.Finding;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.VersionSchemes;

/**
 * One rule: a vulnerability id (the record's own or any alias), optionally a package and a version range, the
 * reason, and optionally the last day it applies.
 *
 * @param versions comparators joined by commas, each {@code <}, {@code <=}, {@code >}, {@code >=} or {@code =}
 *                 and a version, compared in the component's own ecosystem order ({@code >= 2.0, < 2.15.0})
 * @param line     the line of the rule in its file, for messages
 */
public record IgnoreRule(String id, @Nullable String packageName, @Nullable String versions, String reason,
        @Nullable LocalDate expires, String file, int line) {

    public IgnoreRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(file, "file");
    }

    /**
     * Where the rule is written, for messages: {@code .patchgapignore line 4}; a rule that is no line of a file
     * (a fleet server analysis, line 0) is its {@code file} text alone.
     */
    public String where() {
        return line > 0 ? file + " line " + line : file;
    }

    /** Whether the rule no longer applies on {@code today}: it applies through its expiry date. */
    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /** Whether this rule covers {@code f}. */
    public boolean covers(Finding f) {
        boolean idMatches = f.vulnerability().id().equalsIgnoreCase(id)
                || f.vulnerability().aliases().stream().anyMatch(a -> a.equalsIgnoreCase(id));
        if (!idMatches) return false;
        if (packageName != null && !packageName.equals(f.component().name())) return false;
        return versions == null || inRange(f);
    }

    private boolean inRange(Finding f) {
        String installed = f.component().version();
        if (installed == null || f.component().ecosystem() == null) return false;
        VersionScheme scheme = VersionSchemes.forEcosystem(VersionSchemes.canonicalName(f.component().ecosystem()));
        try {
            Version version = scheme.parse(installed);
            for (Comparator c : comparators(Objects.requireNonNull(versions))) {
                int cmp = version.compareTo(scheme.parse(c.version()));
                boolean ok = switch (c.op()) {
                    case "<" -> cmp < 0;
                    case "<=" -> cmp <= 0;
                    case ">" -> cmp > 0;
                    case ">=" -> cmp >= 0;
                    default -> cmp == 0;
                };
                if (!ok) return false;
            }
            return true;
        } catch (InvalidVersionException e) {
            return false; // a version the ecosystem cannot order is not in any range
        }
    }

    record Comparator(String op, String version) {}

    /** Parses {@code ">= 2.0, < 2.15.0"}; an {@link IllegalArgumentException} says what is wrong. */
    static List<Comparator> comparators(String text) {
        java.util.ArrayList<Comparator> out = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            String op = p.startsWith("<=") || p.startsWith(">=") ? p.substring(0, 2)
                    : p.startsWith("<") || p.startsWith(">") || p.startsWith("=") ? p.substring(0, 1) : null;
            if (op == null) {
                throw new IllegalArgumentException("expected a comparator (<, <=, >, >=, =) and a version, found '"
                        + p + "'");
            }
            String v = p.substring(op.length()).replaceFirst("^=", "").strip();
            if (v.isEmpty()) throw new IllegalArgumentException("comparator '" + p + "' has no version");
            out.add(new Comparator(op, v));
        }
        return out;
    }
}
