package org.patchgap.server.auth;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the request being served. */
public final class CurrentCaller {

    private CurrentCaller() {}

    public static Caller get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) return caller;
        throw new IllegalStateException("no authenticated caller: the API filter chain must run first");
    }
}
