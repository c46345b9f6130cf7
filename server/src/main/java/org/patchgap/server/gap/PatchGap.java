package org.patchgap.server.gap;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The patch-gap figures of a set of exposures (docs/server.md has the definitions):
 * <ul>
 *   <li>exposed targets per day: targets with at least one open exposure at the end of each UTC day;</li>
 *   <li>days from fix to remediation: for each resolved exposure whose fix was published,
 *       {@code max(0, resolved − fixPublished)} in days; median and 90th percentile by nearest rank;</li>
 *   <li>open exposures by age: {@code now − fixPublished} (or {@code now − opened} when no fix exists), bucketed;</li>
 *   <li>KEV past due: open exposures whose CISA due date is before today.</li>
 * </ul>
 * Pure computation over the episodes, so that it is tested without a database.
 */
public final class PatchGap {

    /** Age buckets of open exposures, in days: [0, 7], [8, 30], [31, 90], [91, 365], above 365. */
    static final int[] AGE_LIMITS = {7, 30, 90, 365};
    static final String[] AGE_LABELS = {"0-7", "8-30", "31-90", "91-365", ">365"};
    static final int MAX_SERIES_DAYS = 20 * 366;

    public record Day(LocalDate date, int targets) {}

    public record Remediation(int resolved, @Nullable Double medianDays, @Nullable Double p90Days) {}

    public record Overdue(long findingId, String target, String vulnerabilityId, LocalDate dueDate, long daysOverdue) {}

    public record Figures(@Nullable Instant fixPublished, int exposedTargetsNow, int openExposures, List<Day> series,
            Remediation daysFromFixToResolved, Map<String, Integer> openByAge, int kevPastDueCount,
            List<Overdue> kevPastDue) {}

    private PatchGap() {}

    public static Figures of(List<Exposure> exposures, Instant now, @Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant fix = exposures.stream().map(Exposure::fixPublished).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        List<Double> gaps = new ArrayList<>();
        Map<String, Integer> byAge = new LinkedHashMap<>();
        for (String label : AGE_LABELS) byAge.put(label, 0);
        List<Overdue> overdue = new ArrayList<>();
        java.util.Set<Long> exposedNow = new java.util.HashSet<>();
        int open = 0;
        for (Exposure e : exposures) {
            if (e.resolved() != null) {
                if (e.fixPublished() != null) {
                    gaps.add(Math.max(0, Duration.between(e.fixPublished(), e.resolved()).toMinutes()) / 1440.0);
                }
                continue;
            }
            open++;
            exposedNow.add(e.targetId());
            Instant since = e.fixPublished() != null ? e.fixPublished() : e.opened();
            long age = Math.max(0, Duration.between(since, now).toDays());
            byAge.merge(AGE_LABELS[bucket(age)], 1, Integer::sum);
            if (e.kevDue() != null && e.kevDue().isBefore(today)) {
                overdue.add(new Overdue(e.findingId(), e.target(), e.vulnerabilityId(), e.kevDue(),
                        ChronoUnit.DAYS.between(e.kevDue(), today)));
            }
        }
        overdue.sort(Comparator.comparing(Overdue::dueDate).thenComparing(Overdue::target));
        gaps.sort(Comparator.naturalOrder());
        Remediation remediation = new Remediation(gaps.size(), percentile(gaps, 0.5), percentile(gaps, 0.9));
        return new Figures(fix, exposedNow.size(), open, series(exposures, from, to == null ? today : to, fix), remediation,
                byAge, overdue.size(), overdue.subList(0, Math.min(100, overdue.size())));
    }

    static int bucket(long ageDays) {
        for (int i = 0; i < AGE_LIMITS.length; i++) if (ageDays <= AGE_LIMITS[i]) return i;
        return AGE_LIMITS.length;
    }

    /** Nearest-rank percentile of sorted values; null for none. */
    static @Nullable Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) return null;
        int rank = (int) Math.ceil(p * sorted.size());
        return round(sorted.get(Math.max(0, rank - 1)));
    }

    private static double round(double days) {
        return Math.round(days * 10) / 10.0;
    }

    /**
     * Targets exposed at the end of each day from {@code from} (default: the first fix publication or exposure)
     * to {@code to}. A target's overlapping episodes (several vulnerabilities, several packages) count once.
     */
    static List<Day> series(List<Exposure> exposures, @Nullable LocalDate from, LocalDate to, @Nullable Instant fix) {
        Map<Long, List<Exposure>> byTarget = new HashMap<>();
        for (Exposure e : exposures) byTarget.computeIfAbsent(e.targetId(), k -> new ArrayList<>()).add(e);
        TreeMap<LocalDate, Integer> delta = new TreeMap<>();
        LocalDate first = null;
        for (List<Exposure> episodes : byTarget.values()) {
            episodes.sort(Comparator.comparing(Exposure::opened));
            LocalDate start = null;
            LocalDate end = null; // exclusive: the first day the target is no longer exposed at day's end
            for (Exposure e : episodes) {
                LocalDate s = day(e.opened());
                LocalDate t = e.resolved() == null ? LocalDate.MAX : day(e.resolved());
                if (!t.isAfter(s)) continue; // opened and resolved within one day: never exposed at a day's end
                if (start != null && !s.isAfter(end)) {
                    if (t.isAfter(end)) end = t;
                    continue;
                }
                if (start != null) add(delta, start, end);
                start = s;
                end = t;
            }
            if (start != null) add(delta, start, end);
            LocalDate opened = day(episodes.get(0).opened());
            if (first == null || opened.isBefore(first)) first = opened;
        }
        LocalDate begin = from != null ? from : fix != null && (first == null || day(fix).isBefore(first)) ? day(fix) : first;
        if (begin == null || begin.isAfter(to)) return List.of();
        if (ChronoUnit.DAYS.between(begin, to) > MAX_SERIES_DAYS) begin = to.minusDays(MAX_SERIES_DAYS);
        List<Day> days = new ArrayList<>();
        int level = 0;
        for (Map.Entry<LocalDate, Integer> e : delta.headMap(begin, false).entrySet()) level += e.getValue();
        for (LocalDate d = begin; !d.isAfter(to); d = d.plusDays(1)) {
            Integer change = delta.get(d);
            if (change != null) level += change;
            days.add(new Day(d, level));
        }
        return days;
    }

    private static void add(TreeMap<LocalDate, Integer> delta, LocalDate start, LocalDate end) {
        delta.merge(start, 1, Integer::sum);
        if (!end.equals(LocalDate.MAX)) delta.merge(end, -1, Integer::sum);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
