package org.patchgap.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.server.auth.Caller;
import org.patchgap.server.auth.CurrentCaller;
import org.patchgap.server.disclosure.AdvisoryPublisher;
import org.patchgap.server.disclosure.CaseController;
import org.patchgap.server.disclosure.CaseState;
import org.patchgap.server.disclosure.Cases;
import org.patchgap.server.disclosure.DisclosureCase;
import org.patchgap.server.disclosure.DisclosureKey;
import org.patchgap.server.disclosure.PublicUrl;
import org.patchgap.server.disclosure.VendorStatus;
import org.patchgap.server.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The disclosure service's pages: the public report form, the cases a signed-in caller takes part in, and a case's
 * page (the same facts as the API's case, with the forms each party may use). A case the caller does not take part
 * in is the same "Not found" page as one that does not exist.
 */
@Controller
public class DisclosurePages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Cases cases;
    private final CaseController api;
    private final AdvisoryPublisher publisher;
    private final DisclosureKey key;
    private final PublicUrl publicUrl;
    private final Clock clock;

    public DisclosurePages(Cases cases, CaseController api, AdvisoryPublisher publisher, DisclosureKey key,
            PublicUrl publicUrl, Clock clock) {
        this.cases = cases;
        this.api = api;
        this.publisher = publisher;
        this.key = key;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    // ---- public

    @GetMapping("/report")
    public String reportForm(Model model) {
        model.addAttribute("fingerprint", key.fingerprint());
        model.addAttribute("embargoDays", cases.embargoDays());
        model.addAttribute("maxAttachment", cases.maxAttachmentBytes() / (1024 * 1024));
        return "report";
    }

    @PostMapping("/report")
    public String report(@RequestParam String title, @RequestParam String vendor, @RequestParam String product,
            @RequestParam(required = false) String versions, @RequestParam String description,
            @RequestParam(required = false) String name, @RequestParam(required = false) String contact,
            @RequestParam(required = false) List<MultipartFile> attachments, Model model) throws IOException {
        ArrayNode products = JSON.createArrayNode();
        products.addObject().put("vendor", vendor).put("product", product).put("versions", versions);
        List<Cases.NewAttachment> files = new ArrayList<>();
        if (attachments != null) {
            for (MultipartFile f : attachments) {
                if (f.isEmpty()) continue;
                files.add(new Cases.NewAttachment(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
            }
        }
        Cases.Reported reported = cases.report(new Cases.Intake(title, description, products, blank(name), blank(contact),
                false, files), clock.instant());
        model.addAttribute("caseId", reported.publicId());
        model.addAttribute("token", reported.token());
        return "reported";
    }

    // ---- participants

    @GetMapping("/disclosure")
    public String list(Model model) {
        Caller caller = common(model);
        model.addAttribute("cases", cases.list(caller, null));
        model.addAttribute("coordinatorTeam", !caller.isReporter() && cases.isCoordinatorTeam(caller.teamId()));
        return "disclosure";
    }

    @GetMapping("/disclosure/cases/{id}")
    public String page(@PathVariable String id, Model model) {
        Caller caller = common(model);
        Cases.Visible v = cases.require(caller, id);
        DisclosureCase c = v.c();
        model.addAttribute("c", c);
        model.addAttribute("json", api.detail(v));
        model.addAttribute("party", v.party());
        model.addAttribute("coordinator", v.party().isCoordinator() && v.canWrite());
        model.addAttribute("canWrite", v.canWrite());
        model.addAttribute("isVendor", v.party().kind() == org.patchgap.server.disclosure.Party.Kind.VENDOR && v.canWrite());
        model.addAttribute("statuses", List.of(VendorStatus.values()).stream().map(VendorStatus::code).toList());
        if (v.party().isCoordinator()) model.addAttribute("audit", cases.audit(v));
        JsonNode advisory = null;
        if ((v.party().isCoordinator() && c.advisoryDraft() != null) || c.state() == CaseState.PUBLISHED) {
            advisory = api.advisory(v);
        }
        model.addAttribute("advisory", advisory);
        model.addAttribute("draft", c.advisoryDraft() == null ? "" : c.advisoryDraft());
        if (c.state() == CaseState.PUBLISHED) model.addAttribute("uptake", api.uptake(v));
        return "case";
    }

    @GetMapping("/disclosure/cases/{id}/attachments/{attachment}")
    public ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable long attachment) {
        return api.attachment(id, attachment);
    }

    @PostMapping("/disclosure/cases/{id}/triage")
    public String triage(@PathVariable String id, @RequestParam String decision, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String duplicateOf, @RequestParam(required = false) String embargoUntil,
            RedirectAttributes flash) {
        return act(id, flash, "Triaged.", () -> cases.triage(CurrentCaller.get(), id,
                Cases.Decision.valueOf(decision.toUpperCase(Locale.ROOT)), blank(reason), blank(duplicateOf),
                date(embargoUntil), clock.instant()));
    }

    @PostMapping("/disclosure/cases/{id}/vendors")
    public String invite(@PathVariable String id, @RequestParam String team, RedirectAttributes flash) {
        return act(id, flash, "Vendor invited.", () -> cases.inviteVendor(CurrentCaller.get(), id, team.strip(), clock.instant()));
    }

    @PostMapping("/disclosure/cases/{id}/status")
    public String status(@PathVariable String id, @RequestParam String status, @RequestParam(required = false) String statement,
            @RequestParam(required = false) String team, RedirectAttributes flash) {
        return act(id, flash, "Status recorded.", () -> cases.vendorStatus(CurrentCaller.get(), id, blank(team),
                VendorStatus.of(status), blank(statement), clock.instant()));
    }

    @PostMapping("/disclosure/cases/{id}/messages")
    public String message(@PathVariable String id, @RequestParam String body, @RequestParam(required = false) Long parent,
            @RequestParam(required = false, defaultValue = "false") boolean privateNote, RedirectAttributes flash) {
        return act(id, flash, privateNote ? "Note kept." : "Message posted.",
                () -> cases.message(CurrentCaller.get(), id, parent, body, privateNote, clock.instant()));
    }

    @PostMapping("/disclosure/cases/{id}/embargo")
    public String embargo(@PathVariable String id, @RequestParam String until, @RequestParam String reason,
            RedirectAttributes flash) {
        return act(id, flash, "Embargo moved.", () -> {
            LocalDate date = date(until);
            if (date == null) throw ApiException.badRequest("until: a date");
            cases.embargo(CurrentCaller.get(), id, date, reason, clock.instant());
        });
    }

    @PostMapping("/disclosure/cases/{id}/advisory")
    public String draft(@PathVariable String id, @RequestParam String draft, RedirectAttributes flash) {
        return act(id, flash, "Draft saved.", () -> cases.saveDraft(CurrentCaller.get(), id, draft, clock.instant()));
    }

    @PostMapping("/disclosure/cases/{id}/publish")
    public String publish(@PathVariable String id, RedirectAttributes flash) {
        return act(id, flash, "Published.", () -> {
            try {
                publisher.publish(CurrentCaller.get(), id, clock.instant(), publicUrl.base());
            } catch (BadInputException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        });
    }

    /** Runs a change and comes back to the case with what happened; a refused change is said, not thrown. */
    private String act(String id, RedirectAttributes flash, String done, Runnable change) {
        try {
            change.run();
            flash.addFlashAttribute("notice", done);
        } catch (ApiException e) {
            if (e.status().value() == 404) throw e;
            flash.addFlashAttribute("notice", "Not done: " + e.getMessage() + ".");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("notice", "Not done: " + e.getMessage() + ".");
        }
        return "redirect:/disclosure/cases/" + id;
    }

    @ExceptionHandler(ApiException.class)
    public String problem(ApiException e, Model model, HttpServletResponse response) {
        return ProblemPage.show(e, model, response);
    }

    private Caller common(Model model) {
        return ProblemPage.caller(model);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static @Nullable LocalDate date(@Nullable String s) {
        return CaseController.date(s, "date");
    }
}
