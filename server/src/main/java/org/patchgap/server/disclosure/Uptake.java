package org.patchgap.server.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.patchgap.server.Times;
import org.patchgap.server.gap.Exposure;
import org.patchgap.server.gap.PatchGap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * How the fleet took up a published advisory: over every team the server knows, the targets exposed at
 * publication and at the end of each day since, per package, and the days from publication to remediation. In
 * numbers only: no target, host or team is named, so a case's vendors and reporter learn how fast the world
 * patched without learning whose machines are exposed.
 */
@Service
public class Uptake {

    public record Product(String ecosystem, String name, int exposedAtPublication, int exposedNow, int resolved,
            @Nullable Double medianDaysToRemediation, @Nullable Double p90DaysToRemediation, List<PatchGap.Day> series) {}

    public record Figures(String advisoryId, Instant published, int exposedAtPublication, int exposedNow, List<Product> products,
            List<PatchGap.Day> series) {}

    private record Row(Exposure exposure, String ecosystem, String name) {}

    private final JdbcTemplate jdbc;

    public Uptake(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Figures of(String advisoryId, Instant published, int exposedAtPublication, Instant now) {
        List<Row> rows = jdbc.query("SELECT e.finding_id, f.target_id, f.vulnerability_id, e.opened_at, e.resolved_at, "
                + "f.eco_key, f.package_name FROM finding_alias a JOIN finding f ON f.id = a.finding_id "
                + "JOIN finding_episode e ON e.finding_id = f.id WHERE a.alias = ? AND f.status = 'exposed' "
                + "ORDER BY e.finding_id, e.opened_at", (rs, i) -> new Row(new Exposure(rs.getLong(1), rs.getLong(2), "",
                rs.getString(3), Times.instant(rs, "opened_at"), Times.instant(rs, "resolved_at"), published, null),
                rs.getString(6), rs.getString(7)), advisoryId);
        LocalDate from = published.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate to = now.atOffset(ZoneOffset.UTC).toLocalDate();
        Map<String, List<Row>> byPackage = new LinkedHashMap<>();
        for (Row r : rows) byPackage.computeIfAbsent(r.ecosystem() + "\u0000" + r.name(), k -> new ArrayList<>()).add(r);
        List<Product> products = new ArrayList<>();
        for (List<Row> group : byPackage.values()) {
            List<Exposure> exposures = group.stream().map(Row::exposure).toList();
            PatchGap.Figures f = PatchGap.of(exposures, now, from, to);
            products.add(new Product(group.get(0).ecosystem(), group.get(0).name(), openAt(exposures, published),
                    f.exposedTargetsNow(), f.daysFromFixToResolved().resolved(), f.daysFromFixToResolved().medianDays(),
                    f.daysFromFixToResolved().p90Days(),
                    f.series()));
        }
        PatchGap.Figures all = PatchGap.of(rows.stream().map(Row::exposure).toList(), now, from, to);
        return new Figures(advisoryId, published, exposedAtPublication, all.exposedTargetsNow(), products, all.series());
    }

    /** Targets with an episode open at the instant of publication (the re-match opens them at that instant). */
    private static int openAt(List<Exposure> exposures, Instant at) {
        return (int) exposures.stream()
                .filter(e -> !e.opened().isAfter(at) && (e.resolved() == null || e.resolved().isAfter(at)))
                .map(Exposure::targetId).distinct().count();
    }
}
