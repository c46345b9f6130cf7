package org.patchgap.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.server.auth.Caller;
import org.patchgap.server.auth.CurrentCaller;
import org.patchgap.server.findings.FindingQuery;
import org.patchgap.server.findings.FindingStore;
import java.util.Map;
import org.patchgap.server.findings.Analysis;
import org.patchgap.server.findings.FindingAnalyses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Findings, filtered and paged; one finding with its history. */
@RestController
@RequestMapping("/api/v1/findings")
public class FindingController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FindingStore findings;
    private final FindingAnalyses analyses;
    private final TeamScope scope;
    private final java.time.Clock clock;

    public FindingController(FindingStore findings, FindingAnalyses analyses, TeamScope scope, java.time.Clock clock) {
        this.findings = findings;
        this.analyses = analyses;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping
    public ObjectNode list(@RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable String vulnerability,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String minSeverity,
            @RequestParam(required = false) @Nullable Boolean kev,
            @RequestParam(defaultValue = "open") String status,
            @RequestParam(required = false) @Nullable String analysis,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Caller caller = CurrentCaller.get();
        Paging.check(page, size);
        if (!List.of("open", "resolved", "all").contains(status)) {
            throw ApiException.badRequest("status must be open, resolved or all");
        }
        List<SeverityLevel> levels = new ArrayList<>();
        if (severity != null) for (String word : severity.split(",")) levels.add(level(word));
        String analysed = blankToNull(analysis);
        if (analysed != null && !List.of("none", "any", "not_affected", "accepted_risk", "false_positive").contains(analysed)) {
            throw ApiException.badRequest("analysis must be none, any, not_affected, accepted_risk or false_positive");
        }
        FindingQuery query = new FindingQuery(scope.forRead(caller, team), blankToNull(target), blankToNull(vulnerability),
                levels, minSeverity == null ? null : level(minSeverity), kev, status, page, size, "severity", analysed);
        FindingStore.Page result = findings.find(query);
        ObjectNode out = JSON.createObjectNode();
        out.put("page", result.page());
        out.put("size", result.size());
        out.put("total", result.total());
        ArrayNode list = out.putArray("findings");
        result.findings().forEach(list::add);
        return out;
    }

    @GetMapping("/{id}")
    public ObjectNode get(@PathVariable long id) {
        Caller caller = CurrentCaller.get();
        Long team = findings.teamOf(id).orElse(null);
        if (team == null || !caller.canRead(team)) throw ApiException.notFound("finding");
        return findings.withHistory(id);
    }

    /**
     * Records a decision about the finding (docs/server.md, "Analysis"): body {@code {"state": ..., "justification":
     * ..., "detail": ..., "until": "YYYY-MM-DD"}}. Answers the finding with its history of decisions.
     */
    @PostMapping("/{id}/analysis")
    public ObjectNode analyse(@PathVariable long id, @RequestBody(required = false) @Nullable Map<String, Object> body) {
        Caller caller = CurrentCaller.get();
        Long team = findings.teamOf(id).orElse(null);
        if (team == null || !caller.canRead(team)) throw ApiException.notFound("finding");
        if (!caller.canWrite(team)) throw ApiException.forbidden("this key is read-only");
        if (body == null) throw ApiException.badRequest("expected a JSON object: state, justification, detail, until");
        Analysis analysis;
        try {
            analysis = Analysis.checked(string(body, "state"), string(body, "justification"), string(body, "detail"),
                    string(body, "until"), caller.principal(), clock.instant(),
                    java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        analyses.record(id, analysis);
        return findings.withHistory(id);
    }

    private static @Nullable String string(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) return null;
        if (!(value instanceof String s)) throw ApiException.badRequest(field + " must be a string");
        return s;
    }

    static SeverityLevel level(String word) {
        try {
            return SeverityLevel.valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("severity must be one of critical, high, medium, low, none, unknown: " + word);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
