package org.patchgap.server.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>}. A request without the header goes on unauthenticated (and
 * is refused by the rules where a key is needed); a header with an unknown or revoked key is refused here, with
 * the same answer for both, so that the answer tells nothing about which keys exist.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final ReporterTokens reporters;

    public ApiKeyFilter(ApiKeys keys, ReporterTokens reporters) {
        this.keys = keys;
        this.reporters = reporters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        String presented = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        Optional<Caller> caller = presented == null ? Optional.empty()
                : ReporterTokens.looksLikeToken(presented) ? reporters.authenticate(presented)
                : keys.authenticate(presented);
        if (caller.isEmpty()) {
            ApiErrorsWriter.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                    "the Authorization header must be 'Bearer <API key>' with a valid key");
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(caller.get(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + caller.get().role().name())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }
}
