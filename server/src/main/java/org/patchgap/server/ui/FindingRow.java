package org.patchgap.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A stored finding as the pages and the CSV export show it. */
public record FindingRow(long id, String team, String target, String vulnerability, String aliases, String pkg,
        String version, String severity, boolean kev, String kevDue, String epss, String fix, String firstSeen,
        String resolvedAt, String fixPublished, long ageDays, String status, String evidence, String analysis) {

    static FindingRow of(ObjectNode f, Instant now) {
        List<String> aliases = new ArrayList<>();
        f.at("/vulnerability/aliases").forEach(a -> aliases.add(a.asText()));
        JsonNode epss = f.get("epss");
        String fix = text(f, "upgrade");
        if (fix.isEmpty()) fix = text(f, "fix");
        if (fix.isEmpty() && f.path("remediations").size() > 0) fix = f.at("/remediations/0/details").asText();
        Instant first = Instant.parse(f.get("firstSeen").asText());
        JsonNode kev = f.get("knownExploited");
        return new FindingRow(f.get("id").asLong(), text(f, "team"), text(f, "target"), f.at("/vulnerability/id").asText(),
                String.join(", ", aliases), f.at("/package/name").asText(), f.at("/package/version").asText(""),
                f.at("/severity/level").asText(), kev != null && !kev.isNull(),
                kev == null || kev.isNull() ? "" : kev.path("dueDate").asText(""),
                epss == null || epss.isNull() ? "" : String.format(Locale.ROOT, "%.1f%%", epss.get("score").asDouble() * 100),
                fix, day(text(f, "firstSeen")), day(text(f, "resolvedAt")), day(text(f, "fixPublished")),
                Duration.between(first, now).toDays(), text(f, "status"), text(f, "evidence"), analysis(f.path("analysis")));
    }

    /** The team's decision as a short phrase: {@code not affected}, {@code risk accepted until 2024-06-30} ... */
    static String analysis(JsonNode a) {
        if (!a.isObject()) return "";
        if (!a.path("inForce").asBoolean()) return "risk acceptance lapsed " + a.path("until").asText("");
        return switch (a.path("state").asText()) {
            case "not_affected" -> "not affected";
            case "accepted_risk" -> "risk accepted until " + a.path("until").asText();
            case "false_positive" -> "false positive";
            default -> "";
        };
    }

    private static String text(JsonNode f, String field) {
        JsonNode n = f.get(field);
        return n == null || n.isNull() ? "" : n.asText();
    }

    private static String day(String instant) {
        return instant.length() >= 10 ? instant.substring(0, 10) : instant;
    }
}
