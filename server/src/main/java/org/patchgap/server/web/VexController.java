package org.patchgap.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.patchgap.server.auth.Caller;
import org.patchgap.server.auth.CurrentCaller;
import org.patchgap.server.findings.FindingVex;
import org.patchgap.formats.report.CsafVexReportWriter;
import org.patchgap.formats.report.CycloneDxReportWriter;
import org.patchgap.formats.report.OpenVexReportWriter;
import org.patchgap.formats.report.ScanReport;
import org.patchgap.formats.report.VexAuthor;
import org.patchgap.core.priority.CisaTree;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/vex}: the open findings of a team (or one target) with the team's analyses as a VEX
 * document, in OpenVEX (default), CSAF VEX or CycloneDX, written by the CLI's own writers (docs/server.md).
 * 204 when there is nothing to state.
 */
@RestController
@RequestMapping("/api/v1/vex")
public class VexController {

    private static final Map<String, String> TYPES = Map.of("openvex", "application/json",
            "csaf-vex", "application/json", "cyclonedx", "application/vnd.cyclonedx+json");

    private final FindingVex vex;
    private final TeamScope scope;
    private final Clock clock;

    private final String version;

    public VexController(FindingVex vex, TeamScope scope, Clock clock,
            org.springframework.beans.factory.ObjectProvider<org.springframework.boot.info.BuildProperties> build) {
        this.vex = vex;
        this.scope = scope;
        this.clock = clock;
        // Maven's build-info; absent only when run from classes an IDE compiled
        org.springframework.boot.info.BuildProperties info = build.getIfAvailable();
        this.version = info == null ? "unknown" : info.getVersion();
    }

    @GetMapping
    public void export(@RequestParam(defaultValue = "openvex") String format,
            @RequestParam(required = false) @Nullable String team, @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String author, @RequestParam(required = false) @Nullable String namespace,
            HttpServletResponse response) throws IOException {
        Caller caller = CurrentCaller.get();
        if (!TYPES.containsKey(format)) throw ApiException.badRequest("format must be openvex, csaf-vex or cyclonedx");
        Long teamId = scope.forRead(caller, team == null || team.isBlank() ? null : team.strip());
        ScanReport report;
        try {
            report = vex.report(teamId, target == null || target.isBlank() ? null : target.strip());
        } catch (IllegalStateException tooMany) {
            throw ApiException.badRequest(tooMany.getMessage());
        }
        if (!OpenVexReportWriter.hasStatements(report)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        VexAuthor who = new VexAuthor(author == null || author.isBlank() ? (teamId == null ? "Patchgap fleet" : caller.isAdmin()
                && team != null ? team.strip() : caller.teamName()) : author.strip(),
                namespace == null || namespace.isBlank() ? "urn:patchgap:fleet" : namespace.strip());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (format) {
            case "csaf-vex" -> new CsafVexReportWriter(who, version, clock.instant()).write(report, out);
            case "cyclonedx" -> new CycloneDxReportWriter(version, CisaTree.MissionImpact.MEDIUM, clock.instant()).write(report, out);
            default -> new OpenVexReportWriter(who, version, clock.instant()).write(report, out);
        }
        response.setContentType(TYPES.get(format));
        response.setHeader("Content-Disposition", "attachment; filename=\"vex-" + format + ".json\"");
        response.getOutputStream().write(out.toByteArray());
    }
}
