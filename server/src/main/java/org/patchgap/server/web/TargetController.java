package org.patchgap.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.HostFacts;
import org.patchgap.server.Times;
import org.patchgap.server.auth.Caller;
import org.patchgap.server.auth.CurrentCaller;
import org.patchgap.server.fleet.FleetService;
import org.patchgap.server.fleet.Targets;
import org.patchgap.server.fleet.Targets.TargetRow;
import org.patchgap.server.fleet.UploadedInventory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Targets: upload an inventory, look at one, list them, remove one. */
@RestController
@RequestMapping("/api/v1/targets")
public class TargetController {

    /** Names as hosts and applications are called: no spaces, no slashes, no control characters. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]{0,199}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FleetService fleet;
    private final Targets targets;
    private final TeamScope scope;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final long maxUploadBytes;

    public TargetController(FleetService fleet, Targets targets, TeamScope scope, Clock clock, JdbcTemplate jdbc,
            @Value("${patchgap.max-upload-bytes:268435456}") long maxUploadBytes) {
        this.fleet = fleet;
        this.targets = targets;
        this.scope = scope;
        this.clock = clock;
        this.jdbc = jdbc;
        this.maxUploadBytes = maxUploadBytes;
    }

    @PutMapping("/{name}/inventory")
    public ObjectNode upload(@PathVariable String name, @RequestParam(required = false) @Nullable String filename,
            @RequestParam(required = false) @Nullable String team, HttpServletRequest request)
            throws IOException, BadInputException {
        Caller caller = CurrentCaller.get();
        checkName(name);
        long teamId = scope.forWrite(caller, team);
        byte[] body = UploadStaging.readBounded(request.getInputStream(), maxUploadBytes);
        UploadedInventory inventory;
        try (UploadStaging staged = UploadStaging.of(body, filename, true, name)) {
            inventory = UploadedInventory.read(name, staged);
        }
        FleetService.UploadResult result = fleet.upload(teamId, inventory, org.patchgap.server.Sql.sha256(body), clock.instant(),
                caller.keyId());
        ObjectNode out = targetNode(result.target());
        out.put("reader", result.reader());
        out.put("components", result.components());
        ObjectNode findings = out.putObject("findings");
        findings.put("open", result.open());
        findings.put("opened", result.outcome().opened());
        findings.put("reopened", result.outcome().reopened());
        findings.put("resolved", result.outcome().resolved());
        findings.put("unchanged", result.outcome().unchanged());
        ArrayNode problems = out.putArray("problems");
        result.problems().forEach(p -> problems.add(p.toString()));
        return out;
    }

    @GetMapping
    public ObjectNode list(@RequestParam(required = false) @Nullable String team,
            @RequestParam(defaultValue = "false") boolean includeRemoved, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        Caller caller = CurrentCaller.get();
        Long teamId = scope.forRead(caller, team);
        Paging.check(page, size);
        ObjectNode out = JSON.createObjectNode();
        out.put("page", page);
        out.put("size", size);
        ArrayNode list = out.putArray("targets");
        for (TargetRow row : targets.list(teamId, includeRemoved, page * size, size)) {
            ObjectNode node = targetNode(row);
            node.put("openFindings", openFindings(row.id()));
            list.add(node);
        }
        return out;
    }

    @GetMapping("/{name}")
    public ObjectNode get(@PathVariable String name, @RequestParam(required = false) @Nullable String team,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "500") int size) {
        TargetRow row = visible(name, team);
        Paging.check(page, size);
        ObjectNode out = targetNode(row);
        HostFacts host = targets.load(row).host();
        if (host != null) out.set("host", JSON.valueToTree(host));
        out.put("openFindings", openFindings(row.id()));
        out.put("components", targets.componentCount(row.id()));
        ArrayNode components = out.putArray("inventory");
        for (Component c : targets.components(row.id(), page * size, size)) {
            ObjectNode node = components.addObject();
            node.put("ecosystem", c.ecosystem());
            node.put("name", c.name());
            node.put("version", c.version());
            node.put("purl", c.purl());
            node.put("cpe", c.cpe());
            node.put("location", c.location().toString());
        }
        ArrayNode uploads = out.putArray("uploads");
        jdbc.query("SELECT uploaded_at, sha256, reader, components, findings_opened, findings_resolved FROM inventory_upload "
                + "WHERE target_id = ? ORDER BY id DESC LIMIT 50", rs -> {
                    ObjectNode u = uploads.addObject();
                    u.put("uploadedAt", String.valueOf(Times.instant(rs, "uploaded_at")));
                    u.put("sha256", rs.getString(2));
                    u.put("reader", rs.getString(3));
                    u.put("components", rs.getInt(4));
                    u.put("findingsOpened", rs.getInt(5));
                    u.put("findingsResolved", rs.getInt(6));
                }, row.id());
        return out;
    }

    @DeleteMapping("/{name}")
    public ObjectNode remove(@PathVariable String name, @RequestParam(required = false) @Nullable String team) {
        Caller caller = CurrentCaller.get();
        TargetRow row = visible(name, team);
        if (!caller.canWrite(row.teamId())) throw ApiException.forbidden("this key is read-only");
        if (row.removedAt() != null) throw ApiException.notFound("target");
        int resolved = fleet.remove(row, clock.instant());
        ObjectNode out = targetNode(targets.byId(row.id()).orElseThrow());
        out.put("findingsResolved", resolved);
        return out;
    }

    /** The named target, if the caller may see it; otherwise the same 404 as for a target that does not exist. */
    TargetRow visible(String name, @Nullable String team) {
        Caller caller = CurrentCaller.get();
        Long teamId = scope.forRead(caller, team);
        List<TargetRow> found = targets.named(name, teamId);
        if (found.isEmpty()) throw ApiException.notFound("target");
        if (found.size() > 1) {
            throw ApiException.badRequest("target " + name + " exists in several teams ("
                    + String.join(", ", found.stream().map(TargetRow::team).toList()) + "); give ?team=");
        }
        return found.get(0);
    }

    private int openFindings(long targetId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM finding WHERE target_id = ? AND resolved_at IS NULL",
                Integer.class, targetId);
        return n == null ? 0 : n;
    }

    static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw ApiException.badRequest("a target name is 1 to 200 letters, digits and . _ : @ + -, starting with a "
                    + "letter or digit");
        }
    }

    static ObjectNode targetNode(TargetRow row) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", row.name());
        node.put("team", row.team());
        node.put("kind", row.kind().name().toLowerCase(java.util.Locale.ROOT));
        node.put("createdAt", row.createdAt().toString());
        node.put("updatedAt", row.updatedAt().toString());
        Instant removed = row.removedAt();
        if (removed == null) node.putNull("removedAt"); else node.put("removedAt", removed.toString());
        return node;
    }
}
