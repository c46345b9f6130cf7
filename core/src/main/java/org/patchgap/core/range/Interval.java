package org.patchgap.core.range;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.version.Version;

/**
 * The versions between two bounds (each inclusive, exclusive or absent for unbounded), minus some exact versions
 * ({@code !=}), narrowed by the syntax's own {@link Condition}s. An interval whose lower bound lies above its upper
 * bound is empty, which is how a contradictory comparator set such as {@code >2 <1} is kept.
 *
 * @param lower the lower bound, or {@code null} for no lower bound
 * @param upper the upper bound, or {@code null} for no upper bound
 * @param excluded versions not in the interval even though they lie within its bounds
 * @param conditions further rules every member must satisfy
 */
public record Interval(@Nullable Bound lower, @Nullable Bound upper, List<Version> excluded,
        List<Condition> conditions) {

    /** Every version. */
    public static final Interval ALL = new Interval(null, null, List.of(), List.of());

    public Interval {
        excluded = List.copyOf(excluded);
        conditions = List.copyOf(conditions);
    }

    /** The interval between two bounds, without exclusions or conditions. */
    public static Interval of(@Nullable Bound lower, @Nullable Bound upper) {
        return new Interval(lower, upper, List.of(), List.of());
    }

    /** Exactly {@code version} (and the versions its scheme treats as equal to it). */
    public static Interval exactly(Version version) {
        return of(Bound.inclusive(version), Bound.inclusive(version));
    }

    /** Whether {@code version} is in this interval. */
    public boolean contains(Version version) {
        if (lower != null) {
            int c = version.compareTo(lower.version());
            if (c < 0 || (c == 0 && !lower.inclusive())) return false;
        }
        if (upper != null) {
            int c = version.compareTo(upper.version());
            if (c > 0 || (c == 0 && !upper.inclusive())) return false;
        }
        for (Version v : excluded) {
            if (version.compareTo(v) == 0) return false;
        }
        for (Condition condition : conditions) {
            if (!condition.admits(version)) return false;
        }
        return true;
    }

    /** This interval with its lower bound raised to {@code bound} when that is tighter. */
    public Interval withLower(Bound bound) {
        if (lower != null) {
            int c = bound.version().compareTo(lower.version());
            if (c < 0 || (c == 0 && (bound.inclusive() || !lower.inclusive()))) return this;
        }
        return new Interval(bound, upper, excluded, conditions);
    }

    /** This interval with its upper bound lowered to {@code bound} when that is tighter. */
    public Interval withUpper(Bound bound) {
        if (upper != null) {
            int c = bound.version().compareTo(upper.version());
            if (c > 0 || (c == 0 && (bound.inclusive() || !upper.inclusive()))) return this;
        }
        return new Interval(lower, bound, excluded, conditions);
    }

    /** This interval without {@code version}. */
    public Interval without(Version version) {
        List<Version> more = new ArrayList<>(excluded);
        more.add(version);
        return new Interval(lower, upper, more, conditions);
    }

    /** This interval narrowed by {@code condition}. */
    public Interval with(Condition condition) {
        List<Condition> more = new ArrayList<>(conditions);
        more.add(condition);
        return new Interval(lower, upper, excluded, more);
    }

    /** The intersection of this interval and {@code other}. */
    public Interval intersect(Interval other) {
        Interval r = this;
        if (other.lower != null) r = r.withLower(other.lower);
        if (other.upper != null) r = r.withUpper(other.upper);
        for (Version v : other.excluded) r = r.without(v);
        for (Condition c : other.conditions) r = r.with(c);
        return r;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(lower == null ? "(" : lower.inclusive() ? "[" : "(");
        b.append(lower == null ? "" : lower.version().text()).append(", ");
        b.append(upper == null ? "" : upper.version().text());
        b.append(upper == null ? ")" : upper.inclusive() ? "]" : ")");
        for (Version v : excluded) b.append(" != ").append(v.text());
        for (Condition c : conditions) b.append(" if ").append(c);
        return b.toString();
    }
}
