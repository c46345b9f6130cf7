package org.patchgap.server.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.patchgap.core.model.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the API as {@code {"error", "message"}} (plus {@code location} for bad input: the file and the
 * place in it, as the CLI names them), never a stack trace.
 */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        return body(e.status(), e.error(), e.getMessage(), null);
    }

    @ExceptionHandler(BadInputException.class)
    ResponseEntity<Map<String, Object>> badInput(BadInputException e) {
        return body(HttpStatus.BAD_REQUEST, "bad_input", e.reason(), e.location().toString());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            org.springframework.http.converter.HttpMessageNotReadableException.class})
    ResponseEntity<Map<String, Object>> badRequest(Exception e) {
        String message = e instanceof MethodArgumentTypeMismatchException m
                ? "parameter '" + m.getName() + "' has an unusable value: " + m.getValue()
                : e instanceof org.springframework.http.converter.HttpMessageNotReadableException
                        ? "the request body is not the JSON this endpoint expects" : e.getMessage();
        return body(HttpStatus.BAD_REQUEST, "bad_request", message, null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", e.getMessage(), null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", e.getMessage(), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e) {
        return body(HttpStatus.NOT_FOUND, "not_found", "no such endpoint", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        LOG.error("unexpected error serving a request", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "the server failed; nothing was changed (see the server log)", null);
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String error, String message,
            String location) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        if (location != null) body.put("location", location);
        return ResponseEntity.status(status).body(body);
    }
}
