package org.patchgap.formats.osv;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.formats.cvss.CvssScores;
import org.patchgap.formats.cvss.CvssVersion;
import org.patchgap.formats.cvss.InvalidCvssVectorException;

/**
 * Reads OSV severity statements: the {@code severity[]} list (CVSS vectors, Ubuntu priorities) and the free-form
 * {@code severity} word that databases put in {@code database_specific} or {@code ecosystem_specific}.
 * Nothing here skips a record: a statement that cannot be used is reported as a warning and dropped, or kept
 * without a level when its vector is at least present.
 */
final class OsvSeverities {

    /** Ubuntu's priority for a CVE that has not been looked at yet: known to be unknown, not an error. */
    private static final String UBUNTU_UNTRIAGED = "untriaged";

    /**
     * Scored vectors by their text. Scoring parses the vector each time and most records of a dump repeat a few
     * thousand vectors; a {@link Severity} is immutable, so one instance serves every record that names it.
     */
    private static final Map<String, Severity> SCORED = new ConcurrentHashMap<>();

    /** Past this many distinct vectors the cache starts over, so that it cannot grow without bound. */
    private static final int MAX_SCORED = 20_000;

    private OsvSeverities() {}

    /**
     * Maps a {@code severity[]} array.
     *
     * @param warn receives (pointer, message) for every statement that could not be fully used
     */
    static List<Severity> fromList(@Nullable JsonNode list, String pointer, BiConsumer<String, String> warn) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            warn.accept(pointer, "severity ignored: expected an array");
            return List.of();
        }
        List<Severity> severities = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String at = pointer + "/" + i;
            JsonNode type = entry.get("type");
            JsonNode score = entry.get("score");
            if (type == null || !type.isTextual() || score == null || !score.isTextual()) {
                warn.accept(at, "severity ignored: expected {\"type\": string, \"score\": string}");
                continue;
            }
            Severity severity = statement(type.asText(), score.asText(), at, warn);
            if (severity != null) {
                severities.add(severity);
            }
        }
        return severities;
    }

    private static @Nullable Severity statement(String type, String score, String at, BiConsumer<String, String> warn) {
        switch (type) {
            case "CVSS_V2", "CVSS_V3", "CVSS_V4" -> {
                try {
                    CvssVersion version = CvssScores.versionOf(score);
                    if (!version.osvType().equals(type)) {
                        warn.accept(at + "/score", "severity kept without level: type " + type
                                + " but the vector is " + version.osvType() + ": '" + score + "'");
                        return new Severity(SeverityLevel.UNKNOWN, null, score, type);
                    }
                    return scored(score);
                } catch (InvalidCvssVectorException e) {
                    warn.accept(at + "/score", "severity kept without level: " + e.getMessage());
                    return new Severity(SeverityLevel.UNKNOWN, null, score, type);
                }
            }
            case "Ubuntu" -> {
                Optional<SeverityLevel> level = SeverityLevel.fromWord(score);
                if (level.isEmpty() && !score.strip().equalsIgnoreCase(UBUNTU_UNTRIAGED)) {
                    warn.accept(at + "/score", "Ubuntu priority '" + score + "' not recognised; level unknown");
                }
                return new Severity(level.orElse(SeverityLevel.UNKNOWN), null, null, type);
            }
            default -> {
                warn.accept(at + "/type", "severity ignored: type '" + type
                        + "' is not CVSS_V2, CVSS_V3, CVSS_V4 or Ubuntu");
                return null;
            }
        }
    }

    private static Severity scored(String vector) throws InvalidCvssVectorException {
        Severity known = SCORED.get(vector);
        if (known != null) {
            return known;
        }
        Severity severity = CvssScores.severity(vector);
        if (SCORED.size() >= MAX_SCORED) {
            SCORED.clear();
        }
        SCORED.put(vector, severity);
        return severity;
    }

    /**
     * The {@code severity} word of a {@code database_specific} or {@code ecosystem_specific} object
     * ({@code HIGH}, {@code MODERATE}, ...), typed with the object's name; null when there is none. The objects
     * are free-form, so a non-text {@code severity} is left alone; an unknown word is reported.
     */
    static @Nullable Severity fromWord(@Nullable JsonNode specific, String field, String pointer,
                                       BiConsumer<String, String> warn) {
        if (specific == null || !specific.isObject()) {
            return null;
        }
        JsonNode word = specific.get("severity");
        if (word == null || !word.isTextual()) {
            return null;
        }
        Optional<SeverityLevel> level = SeverityLevel.fromWord(word.asText());
        if (level.isEmpty()) {
            warn.accept(pointer + "/severity", field + " severity '" + word.asText() + "' not recognised; ignored");
            return null;
        }
        return new Severity(level.get(), null, null, field);
    }
}
