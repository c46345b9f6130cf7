package org.patchgap.core.purl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Splits a purl string into its decoded components by the parsing steps of ECMA-427 (package-url/purl-spec
 * "How to parse a purl string"), then hands them to {@link Purl#of} for the type's rules: the subpath after
 * '#', the qualifiers after '?' (neither character appears unencoded in a component, so the first one is the
 * separator, as in a URL); the scheme before ':', the type before the next '/'; the version after the last
 * '@' of the last segment, then the name; what is left is the namespace.
 */
final class PurlParser {

    private PurlParser() {}

    static Purl parse(String text, Purl.Mode mode) throws MalformedPurlException {
        try {
            return split(text.strip(), mode);
        } catch (IllegalArgumentException e) {
            throw new MalformedPurlException(text, e.getMessage());
        } catch (MalformedPurlException e) {
            throw new MalformedPurlException(text, e.reason());
        }
    }

    private static Purl split(String text, Purl.Mode mode) throws MalformedPurlException {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        String rest = text;
        String subpath = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            subpath = decodeSegments(rest.substring(hash + 1), "subpath");
            rest = rest.substring(0, hash);
        }
        Map<String, String> qualifiers = new LinkedHashMap<>();
        int question = rest.indexOf('?');
        if (question >= 0) {
            qualifiers = qualifiers(rest.substring(question + 1));
            rest = rest.substring(0, question);
        }
        int colon = rest.indexOf(':');
        if (colon < 0 || !rest.substring(0, colon).equalsIgnoreCase("pkg")) {
            throw new IllegalArgumentException("a purl starts with the scheme 'pkg:'");
        }
        // ECMA-427: slashes after the scheme are not significant ("pkg://maven/..." is "pkg:maven/...").
        rest = strip(rest.substring(colon + 1));
        int slash = rest.indexOf('/');
        String type = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : strip(rest.substring(slash + 1));
        String version = null;
        int at = versionSeparator(path);
        if (at >= 0) {
            version = PercentCoding.decode(path.substring(at + 1), "version");
            path = path.substring(0, at);
        }
        int lastSlash = path.lastIndexOf('/');
        String name = PercentCoding.decode(path.substring(lastSlash + 1), "name");
        String namespace = lastSlash < 0 ? null : decodeSegments(path.substring(0, lastSlash), "namespace");
        if (type.isEmpty()) {
            throw new IllegalArgumentException("a type is required");
        }
        return Purl.of(type, namespace, name, version, qualifiers, subpath, mode);
    }

    /**
     * The '@' before the version: the last '@', if it is in the last segment, so that an npm scope written
     * unencoded ({@code pkg:npm/@babel/core}) is not taken for a version, while a name holding an '@' keeps it
     * ({@code pkg:brew/node@20@20.10.0} is {@code node@20}, version 20.10.0) and {@code pkg:maven/@1.3.4} is a
     * version without a name.
     */
    private static int versionSeparator(String path) {
        int lastSegment = path.lastIndexOf('/') + 1;
        int at = path.lastIndexOf('@');
        return at >= lastSegment ? at : -1;
    }

    private static Map<String, String> qualifiers(String query) {
        Map<String, String> qualifiers = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("qualifier '" + pair + "' is not key=value");
            }
            String key = pair.substring(0, equals);
            String value = PercentCoding.decode(pair.substring(equals + 1), "qualifier '" + key + "'");
            if (qualifiers.put(key, value) != null) {
                throw new IllegalArgumentException("qualifier '" + key + "' is given twice");
            }
        }
        return qualifiers;
    }

    /** Decodes each '/'-separated segment; a decoded segment may not hold a '/' of its own. */
    private static @Nullable String decodeSegments(String path, String what) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            String decoded = PercentCoding.decode(segment, what);
            if (decoded.indexOf('/') >= 0) {
                throw new IllegalArgumentException("a " + what + " segment must not hold an encoded '/': '"
                        + segment + "'");
            }
            segments.add(decoded);
        }
        String joined = String.join("/", segments);
        return joined.isEmpty() ? null : joined;
    }

    private static String strip(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
