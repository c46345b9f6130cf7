package org.patchgap.core.version.go;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.patchgap.core.testing.CanonicalTools;
import org.patchgap.core.version.Differential;

/**
 * Our Go scheme against golang.org/x/mod/semver, built from Debian's copy in GOPATH mode (no network). The
 * driver adds the "v" that x/mod needs when a version has none, as OSV writes Go versions without it.
 */
class GoDifferentialTest {

    private static final Path X_MOD = Path.of("/usr/share/gocode/src/golang.org/x/mod/semver");
    private static Path driver;

    private static final List<String> TRICKY = List.of(
            "v1.0.0", "1.0.0", "v1.0.1", "v1.2.3", "v1.10.0", "v1.2.3-0.20200101000000-abcdef123456",
            "v1.2.2", "v1.2.3-0.20200102000000-000000000000", "v0.0.0-20200101000000-abcdef123456", "v0.0.1",
            "v0.0.0-20191231235959-ffffffffffff", "v1.2.3-pre.0.20200101000000-abcdef123456", "v1.2.3-pre",
            "v1.2.3-pre.1", "v2.0.0+incompatible", "v2.0.0", "v2.0.1+incompatible", "2.0.0+incompatible", "v1",
            "v1.2", "v1.2.1", "v1.0.0-alpha", "v1.0.0-alpha.1", "v1.0.0-alpha.beta", "v1.0.0-beta",
            "v1.0.0-beta.2", "v1.0.0-beta.11", "v1.0.0-rc.1", "v1.0.0-1", "v1.0.0-a", "v1.0.0-A",
            "v99999999999999999999.0.0", "v9.0.0", "v", "v1.2.3.4", "v01.2.3", "v1.02.3", "v1.2.3-01",
            "v1.2.3-", "v1.2.3-a..b", "v1.2.3+", "v1.2-pre", "v1-pre", "v1.2+meta", "v1.2.3-a_b", "V1.2.3",
            "vv1.2.3", "v1.2.3+01", "v1.2.3-0", "v1.2.3-00", "v0", "0", "1", "1.2", "v1.0.0+a.b", "v1.0.0+a+b");

    @Example
    void handPickedVersionsAgreeWithXMod() {
        check(TRICKY);
    }

    @Property(tries = 1, shrinking = ShrinkingMode.OFF, seed = "20261127")
    void generatedVersionsAgreeWithXMod(@ForAll("versions") List<String> versions) {
        check(versions);
    }

    @Provide
    Arbitrary<List<String>> versions() {
        Arbitrary<String> prefix = Arbitraries.of("v", "v", "");
        Arbitrary<String> number = Arbitraries.of("0", "1", "2", "10", "0", "1", "2", "3", "0", "1", "01");
        Arbitrary<String> core = Arbitraries.oneOf(
                Combinators.combine(number, number, number).as((a, b, c) -> a + "." + b + "." + c),
                Combinators.combine(number, number, number).as((a, b, c) -> a + "." + b + "." + c),
                Combinators.combine(number, number, number).as((a, b, c) -> a + "." + b + "." + c),
                Combinators.combine(number, number, number).as((a, b, c) -> a + "." + b + "." + c),
                number, Combinators.combine(number, number).as((a, b) -> a + "." + b));
        Arbitrary<String> ident = Arbitraries.of("0", "1", "2", "10", "01", "alpha", "beta", "rc", "a-b", "A",
                "20200101000000-abcdef123456", "20191231235959-ffffffffffff", "pre", "0", "1", "alpha", "beta", "");
        Arbitrary<String> pre = Arbitraries.oneOf(Arbitraries.just(""),
                ident.list().ofMinSize(1).ofMaxSize(3).map(l -> "-" + String.join(".", l)));
        Arbitrary<String> build = Arbitraries.of("", "", "", "", "", "+incompatible", "+build.1", "+01");
        return Differential.batch(Combinators.combine(prefix, core, pre, build).as((p, c, r, b) -> p + c + r + b), 160);
    }

    private static void check(List<String> versions) {
        Differential.assertAgreement("x/mod/semver", GoVersionScheme.INSTANCE, List.of(driver().toString()),
                Map.of(), versions, true);
    }

    private static synchronized Path driver() {
        if (driver == null) {
            driver = buildDriver("gosemver.go", X_MOD);
        }
        return driver;
    }

    /** Builds a Go driver from the differential resources against Debian's x/mod in GOPATH mode (no network). */
    static Path buildDriver(String file, Path xmodPackage) {
        CanonicalTools.require("the Go toolchain (golang-go)", "go", "version");
        CanonicalTools.requireFile("golang.org/x/mod (golang-golang-x-mod-dev)", xmodPackage);
        Path source = Differential.driver(file);
        Path binary = source.resolveSibling(file.replace(".go", ""));
        Map<String, String> env = Map.of("GO111MODULE", "off", "GOPATH", "/usr/share/gocode", "GOFLAGS", "",
                "GOCACHE", source.resolveSibling("gocache").toString(), "HOME", source.getParent().toString());
        Differential.run(List.of("go", "build", "-o", binary.toString(), source.toString()), env, List.of());
        if (!Files.isExecutable(binary)) throw new AssertionError("go build made no " + binary);
        return binary;
    }
}
