package org.patchgap.core.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.version.Version;

/**
 * One OSV range with its event versions parsed once and sorted, evaluated exactly as the OSV schema's
 * reference algorithm does ("Evaluation" in the OSV schema): walk the events in version order; at or above an
 * {@code introduced} the version is affected, at or above a {@code fixed} it is not, above a
 * {@code last_affected} it is not. With {@code limit} events, the version must also be below one of them.
 */
final class CompiledRange {

    private static final byte INTRODUCED = 0;
    private static final byte FIXED = 1;
    private static final byte LAST_AFFECTED = 2;

    /** Event versions in ascending order; null stands for {@code introduced: "0"}, lower than every version. */
    private final @Nullable Version[] versions;
    private final byte[] kinds;
    /** Versions of {@code limit} events; empty means no limit. */
    private final Version[] limits;

    private CompiledRange(@Nullable Version[] versions, byte[] kinds, Version[] limits) {
        this.versions = versions;
        this.kinds = kinds;
        this.limits = limits;
    }

    /** Sorted events; {@code parsedLimits} excludes {@code limit: "*"}, which means "no limit". */
    static CompiledRange of(List<ParsedEvent> events, List<Version> parsedLimits) {
        // Insertion sort, not List.sort: Maven's own order is not transitive for some exotic versions
        // (docs/versions.md), and TimSort may throw on such an order; a range has a handful of events.
        List<ParsedEvent> sorted = new ArrayList<>(events.size());
        for (ParsedEvent event : events) {
            int at = sorted.size();
            while (at > 0 && eventOrder(sorted.get(at - 1), event) > 0) at--;
            sorted.add(at, event);
        }
        @Nullable Version[] versions = new Version[sorted.size()];
        byte[] kinds = new byte[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            versions[i] = sorted.get(i).version();
            kinds[i] = switch (sorted.get(i).kind()) {
                case INTRODUCED -> INTRODUCED;
                case FIXED -> FIXED;
                case LAST_AFFECTED -> LAST_AFFECTED;
                case LIMIT -> throw new IllegalArgumentException("limit events are passed separately");
            };
        }
        return new CompiledRange(versions, kinds, parsedLimits.toArray(new Version[0]));
    }

    /**
     * Events at the same version keep the order introduced, last_affected, fixed, so that an event closing
     * the range at a version wins over one opening it there (a record that says introduced 1.0 and fixed 1.0
     * affects nothing, as in the reference algorithm, which applies them in that order).
     */
    private static int eventOrder(ParsedEvent a, ParsedEvent b) {
        if (a.version() == null || b.version() == null) {
            if (a.version() == b.version()) return 0;
            return a.version() == null ? -1 : 1;
        }
        int c = a.version().compareTo(b.version());
        return c != 0 ? c : Integer.compare(rank(a.kind()), rank(b.kind()));
    }

    private static int rank(RangeEvent.Kind kind) {
        return switch (kind) {
            case INTRODUCED -> 0;
            case LAST_AFFECTED -> 1;
            case FIXED -> 2;
            case LIMIT -> 3;
        };
    }

    boolean contains(Version v) {
        boolean affected = false;
        for (int i = 0; i < versions.length; i++) {
            Version at = versions[i];
            int c = at == null ? 1 : v.compareTo(at);
            switch (kinds[i]) {
                case INTRODUCED -> {
                    if (c < 0) return affected && belowLimit(v);
                    affected = true;
                }
                case FIXED -> {
                    if (c < 0) return affected && belowLimit(v);
                    affected = false;
                }
                default -> { // LAST_AFFECTED
                    if (c <= 0) return affected && belowLimit(v);
                    affected = false;
                }
            }
        }
        return affected && belowLimit(v);
    }

    private boolean belowLimit(Version v) {
        if (limits.length == 0) return true;
        for (Version limit : limits) {
            if (v.compareTo(limit) < 0) return true;
        }
        return false;
    }

    /** The versions of this range's {@code fixed} events. */
    List<Version> fixedVersions() {
        List<Version> fixed = new ArrayList<>();
        for (int i = 0; i < versions.length; i++) {
            if (kinds[i] == FIXED) fixed.add(versions[i]);
        }
        return fixed;
    }

    /**
     * The interval of this range that holds {@code v}, for the evidence of a finding, such as
     * {@code [2.0-beta9, 2.15.0)} or {@code [1.0, 1.4.2]} or {@code [0, *)}. Call only when {@link #contains} holds.
     */
    String intervalHolding(Version v) {
        String lower = "0";
        String upper = "*)";
        for (int i = 0; i < versions.length; i++) {
            Version at = versions[i];
            int c = at == null ? 1 : v.compareTo(at);
            if (kinds[i] == INTRODUCED) {
                if (c < 0) break;
                lower = at == null ? "0" : at.text();
            } else if (kinds[i] == FIXED ? c < 0 : c <= 0) {
                upper = kinds[i] == FIXED ? at.text() + ")" : at.text() + "]";
                break;
            }
        }
        return "[" + lower + ", " + upper;
    }

    @Override
    public String toString() {
        return Arrays.toString(versions) + Arrays.toString(kinds);
    }

    /** An event with its version parsed; a null version is {@code introduced: "0"}. */
    record ParsedEvent(RangeEvent.Kind kind, @Nullable Version version) {}
}
