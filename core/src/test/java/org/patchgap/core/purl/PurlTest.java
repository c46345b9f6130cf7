package org.patchgap.core.purl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our purl parser and canonical form, beyond what the purl-spec suite covers. */
class PurlTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            pkg:npm/%40angular/core@12.3.1                    | pkg:npm/%40angular/core@12.3.1
            pkg:npm/@angular/core@12.3.1                      | pkg:npm/%40angular/core@12.3.1
            pkg:npm/@babel/core                               | pkg:npm/%40babel/core
            pkg:brew/node@20@20.10.0                          | pkg:brew/node%4020@20.10.0
            pkg:deb/debian/attr@1:2.4.47-2+b1                 | pkg:deb/debian/attr@1:2.4.47-2%2Bb1
            pkg:PyPI/Zope_Interface@5.4.0                     | pkg:pypi/zope-interface@5.4.0
            pkg:golang/github.com/Azure/go-autorest@v14.2.0   | pkg:golang/github.com/Azure/go-autorest@v14.2.0
            pkg:maven/g/a@1?b=&a=1                            | pkg:maven/g/a@1?a=1
            pkg:generic/x@1#./a/../b//c/                      | pkg:generic/x@1#a/b/c
            pkg:generic/caf%C3%A9@1                           | pkg:generic/caf%C3%A9@1
            pkg:generic/x@1?note=a%20b%2Cc                    | pkg:generic/x@1?note=a%20b%2Cc
            pkg:git/github.com/Owner/Repo@abc                 | pkg:git/github.com/owner/repo@abc
            pkg:mlflow/Model@1?repository_url=https://adb-1.azuredatabricks.net/api | pkg:mlflow/model@1?repository_url=https:%2F%2Fadb-1.azuredatabricks.net%2Fapi
            """)
    void canonicalForm(String input, String canonical) throws MalformedPurlException {
        Purl purl = Purl.parse(input, Purl.Mode.LENIENT);
        assertThat(purl.canonical()).isEqualTo(canonical);
        assertThat(Purl.parse(canonical, Purl.Mode.STRICT)).as("the canonical form parses to the same purl")
                .isEqualTo(purl);
    }

    /** A Go module path of one element is valid Go, and SBOM generators write it so (issue 14). */
    @Test
    void aSingleElementGoModuleIsAPurl() throws MalformedPurlException {
        Purl purl = Purl.parse("pkg:golang/tailscale.com@v1.34.0", Purl.Mode.STRICT);
        assertThat(purl.canonical()).isEqualTo("pkg:golang/tailscale.com@v1.34.0");
        PurlIdentity identity = PurlIdentity.resolve("pkg:golang/tailscale.com@v1.34.0").identity();
        assertThat(identity.ecosystem()).isEqualTo("Go");
        assertThat(identity.name()).isEqualTo("tailscale.com");
        assertThat(PurlIdentity.resolve("pkg:golang/github.com/gorilla/mux@v1.8.0").identity().name())
                .isEqualTo("github.com/gorilla/mux");
    }

    /** Wherever a golang purl splits namespace from name, the module path is the same (issue 14). */
    @Test
    void aGoModulePathIsTheSameWhateverTheNamespaceSplit() throws MalformedPurlException {
        for (String purl : new String[] {"pkg:golang/github.com/gorilla/mux@v1.8.0",
                "pkg:golang/github.com%2Fgorilla%2Fmux@v1.8.0", "pkg:golang/github.com/gorilla%2Fmux@v1.8.0"}) {
            assertThat(PurlIdentity.resolve(purl).identity()).as(purl).isNotNull()
                    .extracting(PurlIdentity::ecosystem, PurlIdentity::name).containsExactly("Go", "github.com/gorilla/mux");
        }
        assertThat(PurlIdentity.resolve("pkg:golang/stdlib@1.20.1").identity().name()).isEqualTo("stdlib");
        assertThat(PurlIdentity.resolve("pkg:golang/golang.org/x/net/html@v0.17.0").identity().name())
                .isEqualTo("golang.org/x/net/html");
        PurlResolution bad = PurlIdentity.resolve("pkg:golang/github.com/foo/a%20b@v1.0.0");
        assertThat(bad.mapped()).isFalse();
        assertThat(bad.unmappedReason())
                .isEqualTo("'github.com/foo/a b' is not a Go module or package path (invalid char ' ')");
    }

    @Test
    void gitNamespaceIsTheHostAndTheRepositoryPathIsTheName() throws MalformedPurlException {
        Purl purl = Purl.parse("pkg:git/codeberg.org/forgejo/forgejo@a72d", Purl.Mode.STRICT);
        assertThat(purl.namespace()).isEqualTo("codeberg.org");
        assertThat(purl.name()).isEqualTo("forgejo/forgejo");
    }

    /**
     * Deliberate difference, see docs/formats/purl.md: the suite's required gem and rpm parse tests refuse
     * upper-case qualifier keys, its required maven parse test with {@code repositorY_url} accepts one. Strict
     * parsing refuses them all; lenient parsing, which {@link PurlIdentity} uses, lower-cases them all.
     */
    @Test
    void upperCaseQualifierKeysAreRefusedWhenStrictAndLowerCasedWhenLenient() throws MalformedPurlException {
        for (String input : new String[] {"pkg:gem/jruby-launcher@1.1.2?Platform=java",
                "pkg:maven/g/a@1?repositorY_url=repo.spring.io/release"}) {
            assertThatThrownBy(() -> Purl.parse(input, Purl.Mode.STRICT))
                    .isInstanceOf(MalformedPurlException.class).hasMessageContaining("qualifier key");
            assertThat(Purl.parse(input, Purl.Mode.LENIENT).qualifiers().keySet()).allMatch(k -> k.equals(
                    k.toLowerCase(java.util.Locale.ROOT)));
        }
        assertThat(PurlSpecSuiteTest.CONTRADICTIONS).hasSize(1);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                     | empty
            npm/lodash@1                           | scheme 'pkg:'
            pkg%3Amaven/g/a                        | scheme 'pkg:'
            pkg:npm                                | a name is required
            pkg:maven/@1.3.4                       | a name is required
            pkg:3nginx/nginx@1                     | type '3nginx'
            pkg:n&g/x                              | type 'n&g'
            pkg:maven/a@1                          | a maven purl requires a namespace
            pkg:cargo/ns/rand@1                    | a cargo purl has no namespace, found 'ns'
            pkg:julia/Dates@1.9.0                  | requires the qualifier 'uuid'
            pkg:cpan/URI::PackageURL               | must not contain '::'
            pkg:chrome-extension/dogs              | must match [a-p]{32}
            pkg:npm/x@1?in%20production=true       | qualifier key 'in%20production'
            pkg:npm/x@1?a=1&a=2                    | qualifier 'a' is given twice
            pkg:npm/x@1?novalue                    | qualifier 'novalue' is not key=value
            pkg:npm/x@1%G0                         | bad percent-encoding at '%G0' in the version
            pkg:npm/x@%C3                          | not UTF-8
            pkg:npm/a%2Fb/x@1                      | must not hold an encoded '/'
            """)
    void malformedPurlsNameTheDefect(String input, String reason) {
        assertThatThrownBy(() -> Purl.parse(input, Purl.Mode.LENIENT))
                .isInstanceOf(MalformedPurlException.class)
                .hasMessageContaining("'" + input + "'")
                .hasMessageContaining(reason);
    }

    @Test
    void buildingValidatesAndNormalisesLikeParsing() throws MalformedPurlException {
        Purl built = Purl.of("COMPOSER", "Laravel", "Framework", "7.12.0", Map.of("Os", "linux", "empty", ""),
                "/src/", Purl.Mode.LENIENT);
        assertThat(built.canonical()).isEqualTo("pkg:composer/laravel/framework@7.12.0?os=linux#src");
        assertThatThrownBy(() -> Purl.of("swift", null, "Alamofire", "5.4.3", null, null, Purl.Mode.STRICT))
                .isInstanceOf(MalformedPurlException.class).hasMessageContaining("requires a namespace");
        assertThatThrownBy(() -> Purl.of("julia", null, "", "1.9.0", Map.of("uuid", "u"), null, Purl.Mode.STRICT))
                .isInstanceOf(MalformedPurlException.class).hasMessageContaining("a name is required");
    }
}
