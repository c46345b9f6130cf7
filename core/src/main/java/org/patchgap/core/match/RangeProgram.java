package org.patchgap.core.match;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.version.Version;

/**
 * The ranges of one affected entry, compiled into one {@code int[]}: every event a position among its package's
 * boundaries ({@link PackagePositions}), sorted, so that checking a version is a walk over one array with integer
 * comparisons (one memory load for all of an entry's ranges, which is what makes a check cheap at scale).
 *
 * <p>Evaluation is the OSV schema's reference algorithm ("Evaluation"): walk the events in version order; at or
 * above an {@code introduced} the version is affected, at or above a {@code fixed} it is not, above a
 * {@code last_affected} it is not; with {@code limit} events, it must also be below one of them.
 *
 * <p>Layout, per range: a header {@code events << 16 | limits}, then each event as
 * {@code (position + 1) << 2 | kind}, then each limit's position.
 */
final class RangeProgram {

    private static final int INTRODUCED = 0;
    private static final int FIXED = 1;
    private static final int LAST_AFFECTED = 2;
    private static final int KIND_MASK = 3;

    private RangeProgram() {}

    /** An event with its version parsed; a null version is {@code introduced: "0"}. */
    record ParsedEvent(RangeEvent.Kind kind, @Nullable Version version) {}

    /**
     * Compiles ranges whose event and limit versions are all boundaries of {@code positions}. Events at the same
     * version keep the order introduced, last_affected, fixed, so that an event closing the range at a version
     * wins over one opening it there (as the reference algorithm, which applies them in that order, does).
     *
     * @param limits per range, the versions of its {@code limit} events without {@code "*"} ("no limit")
     */
    static int[] encode(List<List<ParsedEvent>> ranges, List<List<Version>> limits, PackagePositions positions) {
        int size = 0;
        for (int r = 0; r < ranges.size(); r++) size += 1 + ranges.get(r).size() + limits.get(r).size();
        int[] program = new int[size];
        int at = 0;
        for (int r = 0; r < ranges.size(); r++) {
            List<ParsedEvent> events = ranges.get(r);
            List<Version> rangeLimits = limits.get(r);
            if (events.size() > 0xFFFF || rangeLimits.size() > 0xFFFF) {
                throw new IllegalArgumentException("a range with more than 65535 events or limits");
            }
            program[at++] = events.size() << 16 | rangeLimits.size();
            int start = at;
            for (ParsedEvent event : events) {
                int point = event.version() == null ? PackagePositions.START : positions.positionOfBoundary(event.version());
                int code = (point + 1) << 2 | kind(event.kind());
                // Insertion sort: a handful of events, and no comparator that could throw.
                int i = at;
                while (i > start && sortKey(program[i - 1]) > sortKey(code)) {
                    program[i] = program[i - 1];
                    i--;
                }
                program[i] = code;
                at++;
            }
            for (Version limit : rangeLimits) program[at++] = positions.positionOfBoundary(limit);
        }
        return program;
    }

    /** Position first, then introduced, last_affected, fixed. */
    private static int sortKey(int code) {
        return (code & ~KIND_MASK) | rank(code);
    }

    private static int kind(RangeEvent.Kind kind) {
        return switch (kind) {
            case INTRODUCED -> INTRODUCED;
            case FIXED -> FIXED;
            case LAST_AFFECTED -> LAST_AFFECTED;
            case LIMIT -> throw new IllegalArgumentException("limit events are passed separately");
        };
    }

    /** introduced, then last_affected, then fixed at the same version. */
    private static int rank(int code) {
        return switch (code & KIND_MASK) {
            case INTRODUCED -> 0;
            case LAST_AFFECTED -> 1;
            default -> 2;
        };
    }

    private static int point(int code) {
        return (code >>> 2) - 1;
    }

    /** Whether any range of {@code program} holds the version at {@code position}. */
    static boolean anyContains(int[] program, int position) {
        int at = 0;
        while (at < program.length) {
            int header = program[at];
            int events = header >>> 16;
            int limits = header & 0xFFFF;
            if (contains(program, at + 1, events, limits, position)) return true;
            at += 1 + events + limits;
        }
        return false;
    }

    private static boolean contains(int[] program, int from, int events, int limits, int position) {
        boolean affected = false;
        int end = from + events;
        for (int i = from; i < end; i++) {
            int code = program[i];
            int point = point(code);
            switch (code & KIND_MASK) {
                case INTRODUCED -> {
                    if (position < point) return affected && belowLimit(program, end, limits, position);
                    affected = true;
                }
                case FIXED -> {
                    if (position < point) return affected && belowLimit(program, end, limits, position);
                    affected = false;
                }
                default -> { // LAST_AFFECTED
                    if (position <= point) return affected && belowLimit(program, end, limits, position);
                    affected = false;
                }
            }
        }
        return affected && belowLimit(program, end, limits, position);
    }

    private static boolean belowLimit(int[] program, int from, int limits, int position) {
        if (limits == 0) return true;
        for (int i = from; i < from + limits; i++) {
            if (position < program[i]) return true;
        }
        return false;
    }

    /** Adds the positions of every {@code fixed} event of {@code program}. */
    static void addFixedPoints(int[] program, Collection<Integer> into) {
        int at = 0;
        while (at < program.length) {
            int header = program[at];
            int events = header >>> 16;
            for (int i = at + 1; i <= at + events; i++) {
                if ((program[i] & KIND_MASK) == FIXED) into.add(point(program[i]));
            }
            at += 1 + events + (header & 0xFFFF);
        }
    }

    /**
     * The interval of the first range that holds the version at {@code position}, for the evidence of a finding,
     * such as {@code [2.0-beta9, 2.15.0)}, {@code [1.0, 1.4.2]} or {@code [0, *)}; null when no range holds it.
     */
    static @Nullable String intervalHolding(int[] program, int position, PackagePositions positions) {
        int at = 0;
        while (at < program.length) {
            int header = program[at];
            int events = header >>> 16;
            int limits = header & 0xFFFF;
            if (contains(program, at + 1, events, limits, position)) {
                return interval(program, at + 1, events, position, positions);
            }
            at += 1 + events + limits;
        }
        return null;
    }

    private static String interval(int[] program, int from, int events, int position, PackagePositions positions) {
        String lower = "0";
        String upper = "*)";
        for (int i = from; i < from + events; i++) {
            int point = point(program[i]);
            int kind = program[i] & KIND_MASK;
            if (kind == INTRODUCED) {
                if (position < point) break;
                lower = point == PackagePositions.START ? "0" : positions.versionAt(point).text();
            } else if (kind == FIXED ? position < point : position <= point) {
                upper = positions.versionAt(point).text() + (kind == FIXED ? ")" : "]");
                break;
            }
        }
        return "[" + lower + ", " + upper;
    }
}
