package org.patchgap.formats.os;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;
import org.patchgap.formats.support.Heads;
import org.patchgap.formats.support.Inputs;
import org.patchgap.formats.support.Purls;

/**
 * The output of {@code rpm -qa} saved to a file ({@code rpm-qa.txt}): one {@code name-version-release.arch} per
 * line, rpm's default query format. The output names neither the distribution nor the source package nor the
 * epoch, so the distribution is taken from an {@code os-release} file saved beside it (as
 * {@code cat /etc/os-release > os-release}); without one the packages are listed but not matched. Components are
 * named by the binary package, with the version as {@code version-release}.
 */
public final class RpmQaReader implements InventoryReader {

    private static final Set<String> ARCHES = Set.of("x86_64", "noarch", "i686", "i586", "i386", "aarch64",
            "ppc64le", "ppc64", "s390x", "armv7hl", "armhfp", "riscv64", "src", "(none)");
    private static final Pattern NVRA = Pattern.compile("\\S+-[^-\\s]+-[^-\\s]+");

    @Override
    public String name() {
        return "rpm-qa";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        String name = Heads.lowerName(file).replace("_", "-");
        if (!(name.startsWith("rpm-qa") || name.startsWith("rpmqa"))) {
            return false;
        }
        String first = Heads.text(head).lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return first.isEmpty() || NVRA.matcher(first.strip()).matches();
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        List<String> lines = Inputs.lines(file);
        Path beside = file.toAbsolutePath().resolveSibling("os-release");
        Optional<OsRelease> release = java.nio.file.Files.isRegularFile(beside)
                ? Optional.of(OsRelease.parse(Inputs.lines(beside))) : Optional.empty();
        String ecosystem = release.map(OsRelease::ecosystem).orElse(null);
        String vendor = release.map(OsRelease::id).orElse(null);
        String distro = release.map(OsRelease::distroQualifier).orElse(null);
        String source = file.toString();
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int bad = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Location location = new Location(source, "line " + (i + 1));
            Nvra nvra = parse(line);
            if (nvra == null) {
                bad++;
                problems.add(new Problem(location, "expected name-version-release.arch; line skipped"));
                continue;
            }
            if (nvra.name().equals("gpg-pubkey")) {
                continue; // imported signing keys are recorded as packages, but are not software
            }
            Map<String, @Nullable String> qualifiers = new LinkedHashMap<>();
            qualifiers.put("arch", nvra.arch());
            qualifiers.put("distro", distro);
            String evr = nvra.version() + "-" + nvra.release();
            components.add(new Component(ecosystem, nvra.name(), evr,
                    vendor == null ? null : Purls.of("rpm", vendor, nvra.name(), evr, qualifiers), location));
        }
        if (components.isEmpty() && bad > 0) {
            throw new BadInputException(problems.get(0).location(), "expected rpm -qa output, one "
                    + "name-version-release.arch per line");
        }
        if (ecosystem == null && !components.isEmpty()) {
            problems.add(0, new Problem(Location.of(source), (release.isEmpty()
                    ? "no os-release file beside it, the distribution is unknown"
                    : "distribution '" + release.get().id() + "' has no OSV ecosystem we match")
                    + "; packages listed, not matched"));
        }
        String name = release.map(OsRelease::prettyName).orElse(source);
        return new ReadResult<>(List.of(new Target(name, Target.Kind.HOST, source, components,
                release.map(OsRelease::facts).orElse(null))), problems);
    }

    private record Nvra(String name, String version, String release, @Nullable String arch) {}

    /** Splits from the right: architecture after the last dot (if it is one), release and version after dashes. */
    private static @Nullable Nvra parse(String line) {
        if (line.indexOf(' ') >= 0 || line.indexOf('\t') >= 0) {
            return null;
        }
        String rest = line;
        String arch = null;
        int dot = rest.lastIndexOf('.');
        if (dot > 0 && ARCHES.contains(rest.substring(dot + 1))) {
            arch = rest.substring(dot + 1);
            rest = rest.substring(0, dot);
        }
        int releaseDash = rest.lastIndexOf('-');
        if (releaseDash <= 0) {
            return null;
        }
        int versionDash = rest.lastIndexOf('-', releaseDash - 1);
        if (versionDash <= 0) {
            return null;
        }
        return new Nvra(rest.substring(0, versionDash), rest.substring(versionDash + 1, releaseDash),
                rest.substring(releaseDash + 1), arch);
    }
}
