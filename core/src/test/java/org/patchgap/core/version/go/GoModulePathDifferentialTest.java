package org.patchgap.core.version.go;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import org.patchgap.core.version.Differential;

/**
 * {@link GoModulePath} against golang.org/x/mod/module's own CheckPath and CheckImportPath (Debian's copy), on
 * hand-picked paths and on paths generated from the pieces the rules are about.
 */
class GoModulePathDifferentialTest {

    private static final List<String> TRICKY = List.of("tailscale.com", "github.com/foo/bar", "golang.org/x/net",
            "golang.org/x/net/html", "github.com/foo/bar/v2", "github.com/foo/bar/v1", "github.com/foo/bar/v0",
            "github.com/foo/bar/v2.0", "github.com/foo/bar/v02", "gopkg.in/yaml.v2", "gopkg.in/yaml.v0",
            "gopkg.in/yaml.v00", "gopkg.in/yaml", "gopkg.in/yaml.v3-unstable", "gopkg.in/x.v-unstable",
            "gopkg.in/x.v0-unstable", "github.com/Azure/azure-sdk-for-go", "GitHub.com/foo", "example.com/~user",
            "example.com/a+b", "example.com/.hidden", "example.com/trailing.", "example.com/..", "example.com//x",
            "example.com/", "/example.com", "-example.com", "example.com/-x", "example.com/con", "example.com/CON.go",
            "example.com/com1", "example.com/com10", "example.com/PROGRA~1", "example.com/a~b", "example.com/a~1b",
            "stdlib", "toolchain", "std", "cmd/go", "localhost", "example_com/x", "exa-mple.com/x", "x.y/z_w",
            "example.com/é", "example.com/a b", "example.com/a@b", "example.com/v2", "example.com/foo/v2/v3",
            "k8s.io/client-go", "go.opentelemetry.io/otel/sdk/metric", "example.com/a:b", "");

    @Example
    void handPickedPathsAgreeWithXMod() {
        check(TRICKY);
    }

    @Example
    void generatedPathsAgreeWithXMod() {
        Arbitrary<String> first = Arbitraries.of("example.com", "tailscale.com", "golang.org", "gopkg.in", "x", "X.com",
                "ex_ample.com", "-a.com", ".a.com", "a.com.", "a..com", "a~1.com", "");
        Arbitrary<String> element = Arbitraries.of("foo", "Foo", "v2", "v1", "v0", "v2.0", "v10", "yaml.v2",
                "yaml.v0", "x.v1-unstable", "a+b", "a~b", "a~12", ".x", "x.", "..", ".", "-x", "x-", "_x", "con",
                "aux.txt", "lpt9", "lpt10", "a b", "é", "", "a@b", "%41", "~");
        Arbitrary<String> paths = net.jqwik.api.Combinators.combine(first, element.list().ofMaxSize(4))
                .as((f, rest) -> rest.isEmpty() ? f : f + "/" + String.join("/", rest));
        check(Differential.sample(paths, 3000, 20261207L));
    }

    private static void check(List<String> paths) {
        Path driver = GoDifferentialTest.buildDriver("gomodpath.go",
                Path.of("/usr/share/gocode/src/golang.org/x/mod/module"));
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(paths));
        int validModules = compare(driver, "M", distinct, GoModulePath::moduleProblem);
        int validImports = compare(driver, "I", distinct, GoModulePath::importProblem);
        System.out.printf("differential Go module paths vs x/mod/module: %d paths, %d valid module paths, "
                + "%d valid import paths, 0 disagreements%n", distinct.size(), validModules, validImports);
    }

    private static int compare(Path driver, String kind, List<String> paths, Function<String, String> ours) {
        List<String> answers = Differential.run(List.of(driver.toString()), Map.of(),
                paths.stream().map(p -> kind + "\t" + p).toList());
        assertThat(answers).hasSize(paths.size());
        List<String> disagreements = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < paths.size(); i++) {
            boolean goValid = answers.get(i).equals("valid");
            String problem = ours.apply(paths.get(i));
            if (goValid) valid++;
            if (goValid != (problem == null)) {
                disagreements.add(kind + " '" + paths.get(i) + "': x/mod says " + answers.get(i) + ", we say "
                        + (problem == null ? "valid" : problem));
            }
        }
        assertThat(disagreements).isEmpty();
        return valid;
    }
}
