package org.patchgap.server.auth;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The API is stateless: every request carries its key; no session, no cookie, hence no CSRF token. The OpenAPI
 * document is public (it describes the API, not its data); everything else under /api needs a key. Which key may
 * see which object is decided in the services ({@link Caller}), where the object is known.
 */
@Configuration
public class SecurityConfig {

    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, ReporterTokens reporters) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiKeyFilter(keys, reporters), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> ApiErrorsWriter.write(res,
                                HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                                "an API key is needed: 'Authorization: Bearer <API key>'"))
                        .accessDeniedHandler((req, res, ex) -> ApiErrorsWriter.write(res,
                                HttpServletResponse.SC_FORBIDDEN, "forbidden", "this key may not do that")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**").permitAll()
                        // Intake: anyone may report a flaw, without an account (the report answers with its token).
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/reports").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }
}
