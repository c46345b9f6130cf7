package org.patchgap.core.purl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.purl.PurlTypeRule.Requirement;

/**
 * A package URL, validated and normalised by the rules of its type ({@link PurlTypes}): the decoded components
 * of ECMA-427 / package-url/purl-spec, and their canonical string.
 *
 * <pre>{@code
 * Purl purl = Purl.parse("pkg:PYPI/Django_Package@1.11", Purl.Mode.LENIENT);
 * purl.name();        // "django-package"
 * purl.canonical();   // "pkg:pypi/django-package@1.11"
 * }</pre>
 *
 * @param type       lower-case type
 * @param namespace  decoded namespace, its segments joined by '/', or null
 * @param name       decoded name
 * @param version    decoded version, or null
 * @param qualifiers decoded qualifiers by lower-case key, sorted; empty when none
 * @param subpath    decoded subpath, its segments joined by '/', or null
 */
record Purl(
        String type,
        @Nullable String namespace,
        String name,
        @Nullable String version,
        SortedMap<String, String> qualifiers,
        @Nullable String subpath) {

    /**
     * How forgiving parsing is. The purl-spec test suite's "required" tests ask a conforming parser to refuse
     * a qualifier key that is not in lower case; its "recommended" tests show how such data is remediated
     * (lower-cased). Everything else is the same in both modes.
     */
    enum Mode {
        /** ECMA-427 as written: upper-case qualifier keys are an error. */
        STRICT,
        /** Accept what producers commonly write and normalise it: qualifier keys are lower-cased. */
        LENIENT
    }

    /** ECMA-427: a type is ASCII letters, digits, '.' and '-', and does not start with a digit. */
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9.-]*");

    /** ECMA-427: a qualifier key is lower-case ASCII letters, digits, '.', '-', '_', and starts with a letter. */
    private static final Pattern QUALIFIER_KEY = Pattern.compile("[a-z][a-z0-9._-]*");

    Purl {
        qualifiers = Collections.unmodifiableSortedMap(new TreeMap<>(qualifiers));
    }

    /**
     * Parses a purl string.
     *
     * @throws MalformedPurlException naming the defect
     */
    static Purl parse(String purl, Mode mode) throws MalformedPurlException {
        return PurlParser.parse(purl, mode);
    }

    /**
     * Builds a purl from decoded components, validating and normalising them as parsing does: the "build" of
     * the purl-spec test suite. Empty strings count as absent; qualifiers with an empty value are dropped.
     *
     * @throws MalformedPurlException naming the defect
     */
    static Purl of(@Nullable String type, @Nullable String namespace, @Nullable String name, @Nullable String version,
            @Nullable Map<String, String> qualifiers, @Nullable String subpath, Mode mode) throws MalformedPurlException {
        String shown = "type=" + type + " namespace=" + namespace + " name=" + name + " version=" + version;
        if (type == null || type.isEmpty()) {
            throw new MalformedPurlException(shown, "a type is required");
        }
        String lowerType = type.toLowerCase(Locale.ROOT);
        if (!TYPE.matcher(lowerType).matches()) {
            throw new MalformedPurlException(shown, "type '" + type
                    + "' must be ASCII letters, digits, '.' and '-', starting with a letter");
        }
        for (String component : new String[] {namespace, name, version, subpath}) {
            wellFormed(component, shown);
        }
        if (qualifiers != null) {
            for (String value : qualifiers.values()) {
                wellFormed(value, shown);
            }
        }
        PurlTypeRule rule = PurlTypes.rule(lowerType);
        SortedMap<String, String> keyed = qualifiers(qualifiers == null ? Map.of() : qualifiers, shown, mode);
        List<String> namespaceSegments = segments(namespace);
        List<String> nameSegments = name == null ? new ArrayList<>() : new ArrayList<>(List.of(name));
        if (rule.namespaceSegments() > 0 && namespaceSegments.size() > rule.namespaceSegments()) {
            // git: the namespace is the host; the rest of the path is the repository, i.e. the name.
            nameSegments.addAll(0, namespaceSegments.subList(rule.namespaceSegments(), namespaceSegments.size()));
            namespaceSegments = namespaceSegments.subList(0, rule.namespaceSegments());
        }
        String ns = namespaceSegments.isEmpty() ? null : String.join("/", namespaceSegments);
        String n = String.join("/", nameSegments);
        if (rule.namespaceSegments() > 0) {
            // a name that is a path (git) drops empty segments, as a namespace does
            n = String.join("/", segments(n));
        }
        if (n.isEmpty()) {
            throw new MalformedPurlException(shown, "a name is required");
        }
        if (ns != null && rule.lowerNamespace()) {
            ns = ns.toLowerCase(Locale.ROOT);
        }
        if (rule.lowerName()) {
            n = n.toLowerCase(Locale.ROOT);
        }
        n = rule.nameRule().apply(n, keyed);
        String v = version == null || version.isEmpty() ? null : version;
        if (v != null && rule.lowerVersion()) {
            v = v.toLowerCase(Locale.ROOT);
        }
        check(rule, ns, n, v, keyed, shown);
        return new Purl(lowerType, ns, n, v, keyed, normaliseSubpath(subpath));
    }

    private static void check(PurlTypeRule rule, @Nullable String namespace, String name, @Nullable String version,
            Map<String, String> qualifiers, String shown) throws MalformedPurlException {
        String type = rule.type();
        if (rule.namespace() == Requirement.REQUIRED && namespace == null) {
            throw new MalformedPurlException(shown, a(type) + " purl requires a namespace");
        }
        if (rule.namespace() == Requirement.PROHIBITED && namespace != null) {
            throw new MalformedPurlException(shown, a(type) + " purl has no namespace, found '" + namespace + "'");
        }
        if (rule.permittedName() != null && !rule.permittedName().matcher(name).matches()) {
            throw new MalformedPurlException(shown, a(type) + " name must match " + rule.permittedName()
                    + ", found '" + name + "'");
        }
        if (rule.forbiddenInName() != null && name.contains(rule.forbiddenInName())) {
            throw new MalformedPurlException(shown, a(type) + " name must not contain '" + rule.forbiddenInName()
                    + "', found '" + name + "'");
        }
        if (version != null && rule.permittedVersion() != null && !rule.permittedVersion().matcher(version).matches()) {
            throw new MalformedPurlException(shown, a(type) + " version must match " + rule.permittedVersion()
                    + ", found '" + version + "'");
        }
        for (String key : rule.requiredQualifiers().stream().sorted().toList()) {
            if (!qualifiers.containsKey(key)) {
                throw new MalformedPurlException(shown, a(type) + " purl requires the qualifier '" + key + "'");
            }
        }
    }

    /** A lone UTF-16 surrogate has no UTF-8 encoding, so it cannot be written in a purl. */
    private static void wellFormed(@Nullable String component, String shown) throws MalformedPurlException {
        if (component == null) {
            return;
        }
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < component.length()
                    && Character.isLowSurrogate(component.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new MalformedPurlException(shown, "unpaired UTF-16 surrogate at " + i + " of '" + component + "'");
            }
        }
    }

    /** "a maven purl", "an apk purl". */
    private static String a(String type) {
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    private static SortedMap<String, String> qualifiers(Map<String, String> given, String shown, Mode mode)
            throws MalformedPurlException {
        SortedMap<String, String> keyed = new TreeMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            String key = mode == Mode.LENIENT ? e.getKey().toLowerCase(Locale.ROOT) : e.getKey();
            if (!QUALIFIER_KEY.matcher(key).matches()) {
                throw new MalformedPurlException(shown, "qualifier key '" + e.getKey()
                        + "' must be lower-case ASCII letters, digits, '.', '-' and '_', starting with a letter");
            }
            if (e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            if (keyed.put(key, e.getValue()) != null) {
                throw new MalformedPurlException(shown, "qualifier '" + key + "' is given twice");
            }
        }
        return keyed;
    }

    /** Segments of a namespace, empty ones dropped (ECMA-427: "pkg:maven//a" is "pkg:maven/a"). */
    private static List<String> segments(@Nullable String path) {
        if (path == null) {
            return List.of();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    /** ECMA-427: subpath segments that are empty, '.' or '..' are dropped. */
    private static @Nullable String normaliseSubpath(@Nullable String subpath) {
        if (subpath == null) {
            return null;
        }
        String joined = segments(subpath).stream().filter(s -> !s.equals(".") && !s.equals(".."))
                .collect(Collectors.joining("/"));
        return joined.isEmpty() ? null : joined;
    }

    /** The name with its namespace, as a listing shows it: {@code @angular/core}, {@code debian/openssl}. */
    String qualifiedName() {
        return namespace == null ? name : namespace + "/" + name;
    }

    /**
     * The canonical purl string: lower-case type, components percent-encoded except for unreserved characters
     * and ':', qualifiers sorted by key, subpath without leading or trailing '/'.
     */
    String canonical() {
        StringBuilder out = new StringBuilder("pkg:").append(type).append('/');
        if (namespace != null) {
            out.append(encodePath(namespace)).append('/');
        }
        // A name that spans segments (git's repository path) keeps its '/'; any other '/' in a name is data.
        out.append(PurlTypes.rule(type).namespaceSegments() > 0 ? encodePath(name) : PercentCoding.encode(name));
        if (version != null) {
            out.append('@').append(PercentCoding.encode(version));
        }
        if (!qualifiers.isEmpty()) {
            out.append('?').append(qualifiers.entrySet().stream()
                    .map(e -> e.getKey() + "=" + PercentCoding.encode(e.getValue()))
                    .collect(Collectors.joining("&")));
        }
        if (subpath != null) {
            out.append('#').append(encodePath(subpath));
        }
        return out.toString();
    }

    private static String encodePath(String path) {
        return segments(path).stream().map(PercentCoding::encode).collect(Collectors.joining("/"));
    }

    @Override
    public String toString() {
        return canonical();
    }
}
