package org.patchgap.server.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The API's error body, {@code {"error": ..., "message": ...}}, for answers given before a controller runs. */
final class ApiErrorsWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiErrorsWriter() {}

    static void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        if (status == HttpServletResponse.SC_UNAUTHORIZED) response.setHeader("WWW-Authenticate", "Bearer");
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        JSON.writeValue(response.getOutputStream(), body);
    }
}
