package org.patchgap.core.range;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.Tuple;
import org.patchgap.core.testing.BatchProcess;
import org.patchgap.core.testing.CanonicalTools;
import org.patchgap.core.version.Differential;
import org.patchgap.core.version.cratesio.CratesIoVersionScheme;

/**
 * Our Cargo requirements against the {@code semver} crate's own {@code VersionReq::parse} and {@code matches},
 * built offline from Debian's vendored copy ({@code librust-semver-dev}) and run once over generated requirements
 * and every fixture line.
 */
class CargoRangeDifferentialTest {

    private static final Path REGISTRY = Path.of("/usr/share/cargo/registry");

    @Example
    void agreesWithTheSemverCrate() {
        Path driver = driver();
        List<String> ranges = Differential.sample(requirements(), 1500, 15);
        List<String> versions = Differential.sample(versions(), 300, 16);
        List<RangeDifferential.Case> extra = new ArrayList<>();
        for (RangeFixtures.Line line : RangeFixtures.read("cargo.txt")) {
            extra.add(new RangeDifferential.Case(line.field(0), line.field(1)));
        }
        for (RangeFixtures.Line line : RangeFixtures.read("cargo-invalid.txt")) {
            extra.add(new RangeDifferential.Case(line.field(0), "1.0.0"));
        }
        List<RangeDifferential.Case> cases = RangeDifferential.cases(ranges, versions, 16, 17, extra);
        List<String> output = BatchProcess.run(List.of(driver.toString()),
                cases.stream().map(c -> c.range() + "\t" + c.version()).toList(), 120);
        RangeDifferential.Counts counts = RangeDifferential.assertAnswers("semver crate", CargoRangeSyntax.INSTANCE,
                CratesIoVersionScheme.INSTANCE, output, cases);
        assertThat(counts.invalidRanges()).as("some generated requirements are invalid").isPositive();
        assertThat(counts.ranges() - counts.invalidRanges()).as("most generated requirements are valid")
                .isGreaterThan(counts.ranges() / 2);
    }

    static Arbitrary<String> versions() {
        Arbitrary<String> n = Arbitraries.of("0", "1", "2", "3", "10");
        Arbitrary<String> pre = Arbitraries.of("", "", "", "-0", "-alpha", "-alpha.1", "-beta.2", "-rc.1");
        Arbitrary<String> build = Arbitraries.of("", "", "", "", "+build");
        return Combinators.combine(n, n, n, pre, build).as((a, b, c, p, bu) -> a + "." + b + "." + c + p + bu);
    }

    private static Arbitrary<String> comparator() {
        Arbitrary<String> op = Arbitraries.of("", "", "=", ">", ">=", "<", "<=", "~", "^", "^", "~");
        Arbitrary<String> n = Arbitraries.of("0", "1", "2", "3");
        Arbitrary<String> part = Arbitraries.frequencyOf(Tuple.of(8, n), Tuple.of(1, Arbitraries.of("*", "x", "X")));
        Arbitrary<String> pre = Arbitraries.of("", "", "", "-0", "-alpha", "-alpha.1", "-beta.2", "+b");
        Arbitrary<String> version = Combinators.combine(n, part, part, Arbitraries.integers().between(1, 3), pre)
                .as((a, b, c, k, p) -> k == 1 ? a : k == 2 ? a + "." + b : a + "." + b + "." + c + p);
        Arbitrary<String> space = Arbitraries.of("", "", "", " ");
        Arbitrary<String> good = Combinators.combine(op, space, version).as((o, s, v) -> o + s + v);
        Arbitrary<String> odd = Arbitraries.of("*", "01.2", "1.2-alpha", "1.*.3", "=>1", "1.2.3-", "", "v1.2.3",
                "1.2.3-01", ">= 1 <2");
        return Arbitraries.frequencyOf(Tuple.of(25, good), Tuple.of(1, odd));
    }

    static Arbitrary<String> requirements() {
        Arbitrary<String> list = comparator().list().ofMinSize(1).ofMaxSize(3)
                .flatMap(l -> Arbitraries.of(",", ", ", " , ").map(sep -> String.join(sep, l)));
        return Arbitraries.frequencyOf(Tuple.of(30, list), Tuple.of(1, Arbitraries.of("*", " x ", "*, 1", "")));
    }

    /** Builds the driver once, offline, against Debian's vendored crates (crates.io is not reachable here). */
    private static Path driver() {
        String cargo = cargo();
        CanonicalTools.require("Rust's cargo", cargo, "--version");
        CanonicalTools.requireFile("Debian's vendored semver crate (librust-semver-dev)", REGISTRY);
        try {
            Path project = Path.of("target", "range-tools", "cargoreq").toAbsolutePath();
            Files.createDirectories(project.resolve("src"));
            for (String file : List.of("Cargo.toml", "src/main.rs")) {
                Files.copy(BatchProcess.resource("/ranges/tools/cargoreq/" + file), project.resolve(file),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Path config = project.resolve("cargo-home/config.toml");
            Files.createDirectories(config.getParent());
            Files.writeString(config, "[source.crates-io]\nreplace-with = \"debian\"\n[source.debian]\n"
                    + "directory = \"" + REGISTRY + "\"\n[net]\noffline = true\n");
            Differential.run(List.of(cargo, "build", "--release", "-q", "--manifest-path",
                    project.resolve("Cargo.toml").toString()),
                    Map.of("CARGO_HOME", project.resolve("cargo-home").toString(),
                            "CARGO_TARGET_DIR", project.resolve("target").toString()), List.of());
            return project.resolve("target/release/cargoreq");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
