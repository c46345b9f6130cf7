package org.patchgap.core.version.cratesio;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Our crates.io scheme against Rust's semver crate, built offline from Debian's vendored copy
 * ({@code librust-semver-dev} in /usr/share/cargo/registry), since the crates.io registry is not reachable.
 */
class CratesIoDifferentialTest {

    private static final Path REGISTRY = Path.of("/usr/share/cargo/registry");
    private static Path driver;

    private static final List<String> TRICKY = List.of(
            "0.1.0", "0.1.1", "0.9.0", "0.10.0", "1.0.0-alpha", "1.0.0", "1.0.0-alpha.1", "1.0.0-alpha.beta",
            "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0-1", "1.0.0-a", "1.0.0-a-b",
            "1.0.0-a.b", "1.0.0+a", "1.0.0+b", "1.0.0+1", "1.0.0+2", "1.0.0+10", "1.0.0+01", "1.0.0+001",
            "1.0.0+00", "1.0.0+0", "1.0.0+a.1", "1.0.0+zstd.1.5.0", "1.0.0-rc.1+build", "18446744073709551615.0.0",
            "18446744073709551616.0.0", "1.0", "1", "v1.0.0", "1.0.0.0", "01.0.0", "1.00.0", "1.0.0-01",
            "1.0.0-", "1.0.0+", "1.0.0-a..b", "1.0.0-a_b", " 1.0.0", "1.0.0 ", "1.0.0-00", "1.0.0-0",
            "1.0.0-99999999999999999999999", "1.0.0-100000000000000000000000", "1.0.0+-", "1.0.0--", "0.0.0");

    @Example
    void handPickedVersionsAgreeWithSemverCrate() {
        check(TRICKY);
    }

    @Property(tries = 1, shrinking = ShrinkingMode.OFF, seed = "20261127")
    void generatedVersionsAgreeWithSemverCrate(@ForAll("versions") List<String> versions) {
        check(versions);
    }

    @Provide
    Arbitrary<List<String>> versions() {
        Arbitrary<String> number = Arbitraries.of("0", "1", "2", "10", "0", "1", "2", "3", "0", "1", "01");
        Arbitrary<String> ident = Arbitraries.of("0", "1", "2", "10", "01", "00", "alpha", "beta", "rc", "a-b",
                "A", "-", "0", "1", "2", "alpha", "beta", "x7", "");
        Arbitrary<String> pre = Arbitraries.oneOf(Arbitraries.just(""),
                ident.list().ofMinSize(1).ofMaxSize(3).map(l -> "-" + String.join(".", l)));
        Arbitrary<String> build = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(""),
                ident.list().ofMinSize(1).ofMaxSize(3).map(l -> "+" + String.join(".", l)));
        return Differential.batch(Combinators.combine(number, number, number, pre, build)
                .as((a, b, c, p, r) -> a + "." + b + "." + c + p + r), 120);
    }

    private static void check(List<String> versions) {
        Differential.assertAgreement("semver crate", CratesIoVersionScheme.INSTANCE, List.of(driver().toString()),
                Map.of(), versions, true);
    }

    private static synchronized Path driver() {
        if (driver == null) {
            String cargo = cargo();
            CanonicalTools.require("Rust's cargo", cargo, "--version");
            CanonicalTools.requireFile("Debian's vendored semver crate (librust-semver-dev)", REGISTRY);
            try {
                Path project = Differential.driver("cratesemver/Cargo.toml").getParent();
                Differential.driver("cratesemver/src/main.rs");
                Path config = project.resolve("cargo-home/config.toml");
                Files.createDirectories(config.getParent());
                // Cargo may only use Debian's copy: the crates.io registry is not reachable from here or CI.
                Files.writeString(config, "[source.crates-io]\nreplace-with = \"debian\"\n[source.debian]\n"
                        + "directory = \"" + REGISTRY + "\"\n[net]\noffline = true\n");
                Differential.run(List.of(cargo, "build", "--release", "-q", "--manifest-path",
                        project.resolve("Cargo.toml").toString()),
                        Map.of("CARGO_HOME", project.resolve("cargo-home").toString(),
                                "CARGO_TARGET_DIR", project.resolve("target").toString()), List.of());
                driver = project.resolve("target/release/cratesemver");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return driver;
    }

    /** cargo from PATH, or rustup's usual place when CI's PATH does not include it. */
    private static String cargo() {
        Path rustup = Path.of(System.getProperty("user.home"), ".cargo", "bin", "cargo");
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "cargo"))) return Path.of(dir, "cargo").toString();
        }
        return Files.isExecutable(rustup) ? rustup.toString() : "cargo";
    }
}
