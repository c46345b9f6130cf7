package org.patchgap.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Uploads (inventories, advisories) are raw bodies. {@code curl --data-binary} labels them
 * {@code application/x-www-form-urlencoded}, and a servlet container then parses the body as form fields the first
 * time anyone asks for a parameter, leaving nothing to read. For the upload endpoints, parameters are therefore
 * taken from the query string alone and the body is left whole.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RawBodyFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        boolean upload = (request.getMethod().equals("POST") && (path.equals("/api/v1/advisories")
                        || path.equals("/api/v1/reports")
                        || (path.startsWith("/api/v1/cases/") && path.endsWith("/attachments"))))
                || (request.getMethod().equals("PUT") && path.startsWith("/api/v1/targets/") && path.endsWith("/inventory"));
        chain.doFilter(upload ? new QueryOnly(request) : request, response);
    }

    private static final class QueryOnly extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        QueryOnly(HttpServletRequest request) {
            super(request);
            parameters = parse(request.getQueryString());
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        private static Map<String, String[]> parse(String query) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.isEmpty()) continue;
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
            Map<String, String[]> out = new LinkedHashMap<>();
            values.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
            return Collections.unmodifiableMap(out);
        }
    }
}
