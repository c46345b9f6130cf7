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
 * Alpine's apk database, {@code lib/apk/db/installed}: a paragraph per package of single-letter fields
 * ({@code P:} name, {@code V:} version, {@code A:} architecture, {@code o:} origin, the source package). Alpine
 * advisories name the origin, so a component is named by its origin; the package's own name is in the purl.
 */
public final class ApkInstalledReader implements InventoryReader {

    @Override
    public String name() {
        return "apk-installed";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        return Heads.endsWith(file, "lib/apk/db/installed");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        List<Stanzas.Stanza> stanzas = Stanzas.apk(Inputs.lines(file));
        Optional<OsRelease> release = OsTargets.releaseOf(file);
        String ecosystem = release.map(OsRelease::ecosystem).orElse(null);
        String distro = release.map(OsRelease::distroQualifier).orElse(null);
        String vendor = release.map(OsRelease::id).orElse("alpine");
        String source = file.toString();
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int good = 0;
        for (Stanzas.Stanza stanza : stanzas) {
            if (stanza.bad()) {
                problems.add(new Problem(new Location(source, "line " + stanza.badLine()),
                        "expected a 'K:value' line; paragraph skipped"));
                continue;
            }
            good++;
            Location location = new Location(source, "line " + stanza.line());
            String name = stanza.get("P");
            String version = stanza.get("V");
            if (name == null || version == null) {
                problems.add(new Problem(location, "package without P: name and V: version; skipped"));
                continue;
            }
            String origin = stanza.get("o");
            String sourceName = origin == null || origin.isBlank() ? name : origin;
            Map<String, @Nullable String> qualifiers = new LinkedHashMap<>();
            qualifiers.put("arch", stanza.get("A"));
            qualifiers.put("distro", distro);
            if (!sourceName.equals(name)) {
                qualifiers.put("upstream", sourceName);
            }
            components.add(new Component(ecosystem, sourceName, version,
                    Purls.of("apk", vendor, name, version, qualifiers), location));
        }
        if (good == 0 && !problems.isEmpty()) {
            throw new BadInputException(problems.get(0).location(), "expected an apk database of 'K:value' paragraphs");
        }
        if (ecosystem == null && !components.isEmpty()) {
            problems.add(0, OsTargets.unplaced(file, release));
        }
        return new ReadResult<>(List.of(OsTargets.host(file, release, components)), problems);
    }
}
