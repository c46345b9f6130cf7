package org.patchgap.core.purl;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What one purl type's definition ({@code purl-spec/types/<type>-definition.json}) says about its
 * components, reduced to what a parser can check or apply: whether a namespace is required or prohibited,
 * which components are case-insensitive (and so lower-cased in the canonical form), a name normalisation,
 * the permitted characters, and the qualifiers a purl of the type must carry.
 *
 * @param type                 the purl type, lower case
 * @param namespace            whether the type requires, allows or prohibits a namespace
 * @param lowerNamespace       the namespace is case-insensitive: lower-cased
 * @param lowerName            the name is case-insensitive: lower-cased
 * @param lowerVersion         the version is case-insensitive: lower-cased
 * @param nameRule             a further normalisation of the name
 * @param namespaceSegments    the most segments the namespace has before the rest of the path belongs to the
 *                             name (git: the host, then the repository path), or 0 for no limit
 * @param permittedName        a pattern the whole (normalised) name must match, or null
 * @param permittedVersion     a pattern the whole version must match, or null
 * @param forbiddenInName      a string the name must not contain, or null
 * @param requiredQualifiers   qualifier keys every purl of the type carries
 */
record PurlTypeRule(
        String type,
        Requirement namespace,
        boolean lowerNamespace,
        boolean lowerName,
        boolean lowerVersion,
        NameRule nameRule,
        int namespaceSegments,
        @Nullable Pattern permittedName,
        @Nullable Pattern permittedVersion,
        @Nullable String forbiddenInName,
        Set<String> requiredQualifiers) {

    /** A component's requirement in a type definition ({@code requirement}). */
    enum Requirement { REQUIRED, OPTIONAL, PROHIBITED }

    /** A type's own name normalisation ({@code name_definition.normalization_rules}). */
    enum NameRule {
        NONE {
            @Override
            String apply(String name, Map<String, String> qualifiers) {
                return name;
            }
        },
        /** pypi: "Replace underscore _ with dash -" (after lower-casing). */
        PYPI {
            @Override
            String apply(String name, Map<String, String> qualifiers) {
                return name.replace('_', '-');
            }
        },
        /** pub: "Replace non-[a-z] letters, non-[0-9] digits with underscore _" (after lower-casing). */
        PUB {
            @Override
            String apply(String name, Map<String, String> qualifiers) {
                return name.replaceAll("[^a-z0-9_]", "_");
            }
        },
        /**
         * mlflow: "for Databricks, it is case insensitive and shall be lowercased"; Azure ML and other servers
         * keep the case. The server is the one named by {@code repository_url}.
         */
        MLFLOW {
            @Override
            String apply(String name, Map<String, String> qualifiers) {
                String server = qualifiers.getOrDefault("repository_url", "").toLowerCase(Locale.ROOT);
                return server.contains("azuredatabricks.net") ? name.toLowerCase(Locale.ROOT) : name;
            }
        };

        abstract String apply(String name, Map<String, String> qualifiers);
    }

    PurlTypeRule {
        requiredQualifiers = Set.copyOf(requiredQualifiers);
    }

    /** The rule of a type without a definition: every component optional, nothing normalised. */
    static PurlTypeRule unknown(String type) {
        return new PurlTypeRule(type, Requirement.OPTIONAL, false, false, false, NameRule.NONE, 0, null, null, null,
                Set.of());
    }
}
