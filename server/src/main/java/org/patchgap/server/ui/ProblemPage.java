package org.patchgap.server.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.patchgap.server.auth.Caller;
import org.patchgap.server.auth.CurrentCaller;
import org.patchgap.server.web.ApiException;
import org.springframework.ui.Model;

/** What every page needs of the caller, and the one page for a refusal (the same for missing and not yours). */
final class ProblemPage {

    private ProblemPage() {}

    /** Puts the signed-in caller into the model (the navigation shows it) and returns it. */
    static Caller caller(Model model) {
        Caller caller = CurrentCaller.get();
        model.addAttribute("caller", caller);
        model.addAttribute("isAdmin", caller.isAdmin());
        return caller;
    }

    static String show(ApiException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        try {
            caller(model);
        } catch (RuntimeException ignored) {
            // not signed in (the public pages): the page still says what went wrong
        }
        model.addAttribute("message", e.getMessage());
        model.addAttribute("status", e.status().value());
        return "problem";
    }
}
