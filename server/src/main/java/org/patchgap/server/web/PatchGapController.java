package org.patchgap.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.patchgap.server.auth.Caller;
import org.patchgap.server.auth.CurrentCaller;
import org.patchgap.server.gap.PatchGap;
import org.patchgap.server.gap.PatchGapService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The patch gap of a vulnerability (any alias), a team or the fleet the caller may see. */
@RestController
@RequestMapping("/api/v1/patch-gap")
public class PatchGapController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PatchGapService service;
    private final TeamScope scope;
    private final Clock clock;

    public PatchGapController(PatchGapService service, TeamScope scope, Clock clock) {
        this.service = service;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping
    public ObjectNode get(@RequestParam(required = false) @Nullable String vulnerability,
            @RequestParam(required = false) @Nullable String team, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        Caller caller = CurrentCaller.get();
        Long teamId = scope.forRead(caller, team);
        PatchGap.Figures f = service.figures(teamId, vulnerability, clock.instant(), date("from", from), date("to", to));
        ObjectNode out = JSON.createObjectNode();
        ObjectNode s = out.putObject("scope");
        s.put("vulnerability", vulnerability);
        s.put("team", teamId == null ? null : team == null ? caller.teamName() : team);
        out.put("asOf", clock.instant().toString());
        out.put("fixPublished", f.fixPublished() == null ? null : f.fixPublished().toString());
        ObjectNode exposed = out.putObject("exposedTargets");
        exposed.put("now", f.exposedTargetsNow());
        ArrayNode series = exposed.putArray("series");
        for (PatchGap.Day d : f.series()) series.addObject().put("date", d.date().toString()).put("targets", d.targets());
        out.put("openExposures", f.openExposures());
        ObjectNode gap = out.putObject("daysFromFixToResolved");
        gap.put("resolved", f.daysFromFixToResolved().resolved());
        gap.put("median", f.daysFromFixToResolved().medianDays());
        gap.put("p90", f.daysFromFixToResolved().p90Days());
        ObjectNode ages = out.putObject("openByAge");
        f.openByAge().forEach(ages::put);
        ObjectNode kev = out.putObject("kevPastDue");
        kev.put("count", f.kevPastDueCount());
        ArrayNode list = kev.putArray("findings");
        for (PatchGap.Overdue o : f.kevPastDue()) {
            list.addObject().put("id", o.findingId()).put("target", o.target()).put("vulnerability", o.vulnerabilityId())
                    .put("dueDate", o.dueDate().toString()).put("daysOverdue", o.daysOverdue());
        }
        return out;
    }

    private static @Nullable LocalDate date(String name, @Nullable String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date like 2017-03-14: " + value);
        }
    }
}
