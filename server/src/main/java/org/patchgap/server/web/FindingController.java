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
import org.springframework.web.bind.annotation.GetMapping;
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
    private final TeamScope scope;

    public FindingController(FindingStore findings, TeamScope scope) {
        this.findings = findings;
        this.scope = scope;
    }

    @GetMapping
    public ObjectNode list(@RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable String vulnerability,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String minSeverity,
            @RequestParam(required = false) @Nullable Boolean kev,
            @RequestParam(defaultValue = "open") String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Caller caller = CurrentCaller.get();
        Paging.check(page, size);
        if (!List.of("open", "resolved", "all").contains(status)) {
            throw ApiException.badRequest("status must be open, resolved or all");
        }
        List<SeverityLevel> levels = new ArrayList<>();
        if (severity != null) for (String word : severity.split(",")) levels.add(level(word));
        FindingQuery query = new FindingQuery(scope.forRead(caller, team), blankToNull(target), blankToNull(vulnerability),
                levels, minSeverity == null ? null : level(minSeverity), kev, status, page, size);
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
