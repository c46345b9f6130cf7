package org.patchgap.server.auth;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The web UI: a session after signing in with a user account (name and Argon2id-hashed password) or with an API
 * key, CSRF tokens on every form (Spring Security's defaults), a strict content security policy (no inline script,
 * nothing from elsewhere), and the same roles and team scoping as the API ({@link Caller}).
 */
@Configuration
public class UiSecurityConfig {

    /** The user name the login form's API-key form sends; no account may take it. */
    public static final String API_KEY_USER = "api-key";

    @Bean
    @Order(2)
    SecurityFilterChain ui(HttpSecurity http, ApiKeys keys, UserAccounts users, ReporterTokens reporters) throws Exception {
        http.authenticationProvider(provider(keys, users, reporters))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        // The public face of the disclosure service: the report form, security.txt, the CSAF
                        // provider's published advisories and the OSV feed (only what is published is there).
                        .requestMatchers("/report", "/report/**", "/.well-known/**", "/osv/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                                + "form-action 'self'; base-uri 'none'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    static AuthenticationProvider provider(ApiKeys keys, UserAccounts users, ReporterTokens reporters) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String name = authentication.getName();
                String secret = String.valueOf(authentication.getCredentials());
                String presented = secret.strip();
                var caller = !API_KEY_USER.equals(name) ? users.authenticate(name, secret)
                        : ReporterTokens.looksLikeToken(presented) ? reporters.authenticate(presented)
                        : keys.authenticate(presented);
                Caller c = caller.orElseThrow(() -> new BadCredentialsException("wrong name, password or key"));
                return new UsernamePasswordAuthenticationToken(c, null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + c.role().name())));
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }
}
