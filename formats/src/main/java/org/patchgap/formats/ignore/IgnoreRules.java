package org.patchgap.formats.ignore;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;

/**
 * The rules of one ignore file (docs/ignore.md): YAML, a top-level {@code ignore:} list of rules with {@code id}
 * and {@code reason} required, {@code package}, {@code versions} and {@code expires} (YYYY-MM-DD) optional.
 * Anything else is bad input naming its line: an unknown key is far more often a typo than an extension, and a
 * typo in an ignore file silently hides or shows findings.
 */
public final class IgnoreRules {

    /** The file {@code scan} reads from the working directory when {@code --ignore} is not given. */
    public static final String DEFAULT_FILE = ".patchgapignore";

    private static final Set<String> KEYS = Set.of("id", "package", "versions", "reason", "expires");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<IgnoreRule> rules;

    private IgnoreRules(List<IgnoreRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static IgnoreRules none() {
        return new IgnoreRules(List.of());
    }

    public List<IgnoreRule> rules() {
        return rules;
    }

    /** What applying the rules did: the findings left, those ignored, and warnings (expired, stale rules). */
    public record Applied(List<Finding> kept, List<IgnoredFinding> ignored, List<Problem> warnings) {}

    /** Keeps out the findings a live rule covers; expired rules are said and not applied, idle ones said stale. */
    public Applied apply(List<Finding> findings, LocalDate today) {
        List<Finding> kept = new ArrayList<>();
        List<IgnoredFinding> ignored = new ArrayList<>();
        boolean[] used = new boolean[rules.size()];
        for (Finding f : findings) {
            IgnoredFinding by = null;
            for (int i = 0; i < rules.size() && by == null; i++) {
                IgnoreRule rule = rules.get(i);
                if (!rule.expiredOn(today) && rule.covers(f)) {
                    by = new IgnoredFinding(f, rule);
                    used[i] = true;
                }
            }
            if (by == null) kept.add(f); else ignored.add(by);
        }
        List<Problem> warnings = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            IgnoreRule rule = rules.get(i);
            Location at = new Location(rule.file(), "line " + rule.line());
            if (rule.expiredOn(today)) {
                warnings.add(new Problem(at, "ignore rule for " + rule.id() + " expired on " + rule.expires()
                        + "; not applied"));
            } else if (!used[i]) {
                warnings.add(new Problem(at, "ignore rule for " + rule.id() + " matches no finding (stale); "
                        + "remove it or fix its package or versions"));
            }
        }
        return new Applied(kept, ignored, warnings);
    }

    /** Reads {@code file}; a missing file, bad YAML or a bad rule is bad input naming the line. */
    public static IgnoreRules read(Path file) throws BadInputException {
        String name = file.toString();
        List<IgnoreRule> rules = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(Files.newBufferedReader(file))) {
            JsonToken first = parser.nextToken();
            if (first == null) return none(); // an empty file ignores nothing
            if (first != JsonToken.START_OBJECT) throw bad(name, parser.currentTokenLocation(), "expected 'ignore:' and a list of rules");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation keyAt = parser.currentTokenLocation();
                if (!key.equals("ignore")) throw bad(name, keyAt, "unknown key '" + key + "' (expected 'ignore')");
                JsonToken list = parser.nextToken();
                if (list == JsonToken.VALUE_NULL) continue;
                if (list != JsonToken.START_ARRAY) throw bad(name, parser.currentTokenLocation(), "expected a list of rules under 'ignore'");
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonLocation at = parser.currentTokenLocation();
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        throw bad(name, at, "expected a rule (id, reason, optional package, versions, expires)");
                    }
                    JsonNode node = YAML.readTree(parser);
                    rules.add(rule(node, name, at));
                }
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(Location.of(name), "no such file");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadInputException(new Location(name, at == null ? null : "line " + at.getLineNr()),
                    "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(Location.of(name), "cannot read: " + e.getMessage());
        }
        return new IgnoreRules(rules);
    }

    private static IgnoreRule rule(JsonNode node, String file, JsonLocation at) throws BadInputException {
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw bad(file, at, "unknown key '" + key + "' in rule (expected id, package, versions, reason, expires)");
            }
        }
        String id = text(node, "id", file, at);
        String reason = text(node, "reason", file, at);
        if (id == null) throw bad(file, at, "rule without 'id' (the vulnerability id or alias to ignore)");
        if (reason == null) throw bad(file, at, "rule for " + id + " without 'reason': say why it is ignored");
        String versions = text(node, "versions", file, at);
        if (versions != null) {
            try {
                IgnoreRule.comparators(versions);
            } catch (IllegalArgumentException e) {
                throw bad(file, at, "rule for " + id + ": versions: " + e.getMessage());
            }
        }
        String expires = text(node, "expires", file, at);
        LocalDate date = null;
        if (expires != null) {
            try {
                date = LocalDate.parse(expires);
            } catch (DateTimeParseException e) {
                throw bad(file, at, "rule for " + id + ": expires: expected a date YYYY-MM-DD, found '" + expires + "'");
            }
        }
        return new IgnoreRule(id, text(node, "package", file, at), versions, reason, date, file, at.getLineNr());
    }

    private static String text(JsonNode node, String key, String file, JsonLocation at) throws BadInputException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) return null;
        if (!value.isValueNode()) throw bad(file, at, "'" + key + "' must be a single value");
        String s = value.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static BadInputException bad(String file, JsonLocation at, String message) {
        return new BadInputException(new Location(file, "line " + at.getLineNr()), message);
    }
}
