package org.patchgap.formats.os;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Debian and Ubuntu's dpkg database, {@code var/lib/dpkg/status} (and the per-package files of
 * {@code var/lib/dpkg/status.d/} in distroless images), with the distribution from {@code etc/os-release} of the
 * same root.
 *
 * <p>Debian and Ubuntu advisories name the <em>source</em> package ({@code openssl}), not the binary packages
 * built from it ({@code libssl3}), and their fixed versions are source versions. So each installed binary package
 * becomes a component named by its source package at the source version ({@code Source: openssl (3.0.11-1)} when
 * a binary-only rebuild made them differ), and the binary name and version stay in the purl, with the source in
 * its {@code upstream} qualifier. Only packages dpkg records as {@code installed} count.
 */
public final class DpkgStatusReader implements InventoryReader {

    @Override
    public String name() {
        return "dpkg-status";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        if (Heads.endsWith(file, "var/lib/dpkg/status")) {
            return true;
        }
        Path parent = file.getParent();
        return parent != null && parent.endsWith("var/lib/dpkg/status.d") && !Heads.fileName(file).endsWith(".md5sums");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        List<Stanzas.Stanza> stanzas = Stanzas.deb822(Inputs.lines(file));
        Optional<OsRelease> release = OsTargets.releaseOf(file);
        String ecosystem = release.map(OsRelease::ecosystem).orElse(null);
        String vendor = release.map(OsRelease::id).orElse("debian");
        String distro = release.map(OsRelease::distroQualifier).orElse(null);
        String source = file.toString();
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int good = 0;
        for (Stanzas.Stanza stanza : stanzas) {
            Location location = new Location(source, "line " + stanza.line());
            if (stanza.bad()) {
                problems.add(new Problem(new Location(source, "line " + stanza.badLine()),
                        "expected a 'Field: value' line; paragraph skipped"));
                continue;
            }
            good++;
            String binary = stanza.get("Package");
            String version = stanza.get("Version");
            if (binary == null || version == null) {
                problems.add(new Problem(location, "paragraph without Package and Version; skipped"));
                continue;
            }
            String status = stanza.get("Status");
            if (status != null && !status.endsWith(" installed")) {
                continue; // removed with config files left, half-installed, ...
            }
            String sourceName = binary;
            String sourceVersion = version;
            String sourceField = stanza.get("Source");
            if (sourceField != null && !sourceField.isBlank()) {
                int paren = sourceField.indexOf('(');
                if (paren > 0 && sourceField.endsWith(")")) {
                    sourceName = sourceField.substring(0, paren).strip();
                    sourceVersion = sourceField.substring(paren + 1, sourceField.length() - 1).strip();
                } else {
                    sourceName = sourceField.strip();
                }
            }
            Map<String, @Nullable String> qualifiers = new LinkedHashMap<>();
            qualifiers.put("arch", stanza.get("Architecture"));
            qualifiers.put("distro", distro);
            if (!sourceName.equals(binary) || !sourceVersion.equals(version)) {
                qualifiers.put("upstream", sourceVersion.equals(version) ? sourceName : sourceName + "@" + sourceVersion);
            }
            components.add(new Component(ecosystem, sourceName, sourceVersion,
                    Purls.of("deb", vendor, binary, version, qualifiers), location));
        }
        if (good == 0 && !problems.isEmpty()) {
            throw new BadInputException(problems.get(0).location(), "expected a dpkg status file of 'Field: value' "
                    + "paragraphs");
        }
        if (ecosystem == null && !components.isEmpty()) {
            problems.add(0, OsTargets.unplaced(file, release));
        }
        return new ReadResult<>(List.of(OsTargets.host(file, release, components)), problems);
    }
}
