package org.patchgap.core.purl;

import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.patchgap.core.purl.PurlTypeRule.NameRule;
import org.patchgap.core.purl.PurlTypeRule.Requirement;

/**
 * The per-type rules of the purl types in package-url/purl-spec ({@code types/*-definition.json}), read once
 * into one table. {@code PurlTypeTableTest} checks the table against the definition files, so a change of
 * the specification shows up as a failing test rather than as a silent difference; the few places where the
 * table departs from a definition (because the specification's own test suite does) are listed in
 * {@code docs/formats/purl.md}.
 */
final class PurlTypes {

    /*
     * Columns: type; namespace requirement; the components that are case-insensitive and so lower-cased;
     * extra rules: name=<pattern> / version=<pattern> (permitted_characters), name-not=<string>,
     * name-rule=<NameRule>, qualifier=<required key>, namespace-segments=<n>.
     */
    private static final String TABLE = """
            alpm              required    namespace,name
            apk               required    namespace,name
            bazel             prohibited  -
            bitbucket         required    namespace,name
            bitnami           prohibited  name
            brew              optional    namespace,name
            cargo             prohibited  -
            chrome-extension  prohibited  name                    name=[a-p]{32} version=\\d+(\\.\\d+){0,3}
            cocoapods         prohibited  -
            composer          required    namespace,name
            conan             optional    -
            conda             prohibited  -
            cpan              optional    -                       name-not=::
            cran              prohibited  -
            deb               required    namespace,name
            docker            optional    -
            gem               prohibited  -
            generic           optional    -
            git               required    namespace,name          namespace-segments=1
            github            required    namespace,name
            golang            optional    -
            hackage           prohibited  -
            hex               optional    namespace,name
            huggingface       required    version
            julia             prohibited  -                       qualifier=uuid
            luarocks          optional    namespace,name
            maven             required    -
            mlflow            prohibited  -                       name-rule=MLFLOW
            npm               optional    -
            nuget             prohibited  -
            oci               prohibited  name,version
            opam              prohibited  -
            otp               prohibited  name
            pub               prohibited  name                    name-rule=PUB
            pypi              prohibited  name,version            name-rule=PYPI
            qpkg              required    namespace
            rpm               required    namespace
            swid              optional    -                       qualifier=tag_id
            swift             required    -
            vcpkg             prohibited  -
            vscode-extension  required    namespace,name,version
            yocto             optional    namespace
            """;

    private static final Map<String, PurlTypeRule> RULES = read(TABLE);

    private PurlTypes() {}

    /** The rule of {@code type} (lower case); a type the table does not know gets {@link PurlTypeRule#unknown}. */
    static PurlTypeRule rule(String type) {
        PurlTypeRule rule = RULES.get(type);
        return rule != null ? rule : PurlTypeRule.unknown(type);
    }

    /** Every type in the table, sorted. */
    static Map<String, PurlTypeRule> all() {
        return RULES;
    }

    private static Map<String, PurlTypeRule> read(String table) {
        TreeMap<String, PurlTypeRule> rules = new TreeMap<>();
        for (String line : table.strip().split("\n")) {
            String[] columns = line.strip().split("\\s+");
            String type = columns[0];
            Requirement namespace = Requirement.valueOf(columns[1].toUpperCase(Locale.ROOT));
            Set<String> lower = Set.of(columns[2].split(","));
            NameRule nameRule = NameRule.NONE;
            Pattern name = null;
            Pattern version = null;
            String forbidden = null;
            int segments = 0;
            Set<String> qualifiers = new HashSet<>();
            for (int i = 3; i < columns.length; i++) {
                String[] option = columns[i].split("=", 2);
                switch (option[0]) {
                    case "name" -> name = Pattern.compile(option[1]);
                    case "version" -> version = Pattern.compile(option[1]);
                    case "name-not" -> forbidden = option[1];
                    case "name-rule" -> nameRule = NameRule.valueOf(option[1]);
                    case "qualifier" -> qualifiers.add(option[1]);
                    case "namespace-segments" -> segments = Integer.parseInt(option[1]);
                    default -> throw new IllegalStateException("unknown option '" + columns[i] + "' for " + type);
                }
            }
            rules.put(type, new PurlTypeRule(type, namespace, lower.contains("namespace"), lower.contains("name"),
                    lower.contains("version"), nameRule, segments, name, version, forbidden, qualifiers));
        }
        return Collections.unmodifiableSortedMap(rules);
    }
}
