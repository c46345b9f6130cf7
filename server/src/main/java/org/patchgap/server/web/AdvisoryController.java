package org.patchgap.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.server.advisories.AdvisoryStore;
import org.patchgap.server.auth.CurrentCaller;
import org.patchgap.server.fleet.AdvisoryIngest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Advisories: any document {@code patchgap db import} or {@code scan --advisories} reads (OSV records and zip dumps,
 * CSAF, OpenVEX, CycloneDX VEX, NVD pages, Microsoft CVRF/CSAF, KEV, EPSS). Importing is an administrator's
 * act: advisories change every team's findings (and a VEX document can hide them).
 */
@RestController
@RequestMapping("/api/v1/advisories")
public class AdvisoryController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdvisoryIngest ingest;
    private final AdvisoryStore store;
    private final Clock clock;
    private final long maxUploadBytes;

    public AdvisoryController(AdvisoryIngest ingest, AdvisoryStore store, Clock clock,
            @Value("${patchgap.max-upload-bytes:268435456}") long maxUploadBytes) {
        this.ingest = ingest;
        this.store = store;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
    }

    @PostMapping
    public ObjectNode post(@RequestParam(required = false) @Nullable String filename, HttpServletRequest request)
            throws IOException, BadInputException {
        if (!CurrentCaller.get().isAdmin()) throw ApiException.forbidden("only an administrator's key imports advisories");
        byte[] body = UploadStaging.readBounded(request.getInputStream(), maxUploadBytes);
        AdvisoryIngest.Result result = ingest.ingest(body, filename, clock.instant());
        ObjectNode out = JSON.createObjectNode();
        out.put("kind", result.kind());
        out.put("records", result.records());
        out.put("changed", result.changed());
        out.put("unchanged", result.unchanged());
        ObjectNode rematch = out.putObject("rematch");
        rematch.put("targets", result.rematch().targets());
        rematch.put("components", result.rematch().components());
        rematch.put("opened", result.rematch().outcome().opened() + result.rematch().outcome().reopened());
        rematch.put("resolved", result.rematch().outcome().resolved());
        out.set("problems", JSON.valueToTree(result.problems()));
        return out;
    }

    @GetMapping("/status")
    public ObjectNode status() {
        CurrentCaller.get();
        return JSON.valueToTree(store.counts());
    }
}
