package org.patchgap.formats.spdx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;
import org.patchgap.formats.support.Heads;
import org.patchgap.formats.support.Inputs;

/**
 * SPDX 2.2 and 2.3 tag-value documents ({@code .spdx}): {@code Tag: value} lines, where a {@code PackageName} tag
 * starts a package that runs until the next package or file section, and a value may be a multi-line
 * {@code <text>...</text>} block. Packages are identified as in {@link SpdxJsonReader}: by the
 * {@code ExternalRef: PACKAGE-MANAGER purl ...} line, else a CPE reference, else name and version.
 */
public final class SpdxTagValueReader implements InventoryReader {

    @Override
    public String name() {
        return "spdx-tag-value";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        String name = Heads.lowerName(file);
        return name.endsWith(".spdx") || name.endsWith(".spdx.txt") && Heads.text(head).contains("SPDXVersion:");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        List<String> lines = Inputs.lines(file);
        String source = file.toString();
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String documentName = null;
        String spdxVersion = null;
        SpdxPackage current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BadInputException(new Location(source, "line " + (i + 1)),
                        "expected an SPDX 'Tag: value' line");
            }
            String tag = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (value.startsWith("<text>")) {
                // Multi-line text runs to the closing tag, possibly on a later line.
                while (!value.contains("</text>") && i + 1 < lines.size()) {
                    value = value + "\n" + lines.get(++i);
                }
                continue;
            }
            switch (tag) {
                case "SPDXVersion" -> spdxVersion = value;
                case "DocumentName" -> documentName = value;
                case "PackageName" -> {
                    if (current != null) {
                        current.emit(components, problems);
                    }
                    current = new SpdxPackage(new Location(source, "line " + (i + 1)));
                    current.name = value;
                }
                case "FileName", "SnippetSPDXID" -> {
                    if (current != null) {
                        current.emit(components, problems);
                        current = null;
                    }
                }
                case "PackageVersion" -> {
                    if (current != null) {
                        current.version = value;
                    }
                }
                case "ExternalRef" -> {
                    String[] parts = value.split("\\s+");
                    if (current != null && parts.length >= 3) {
                        current.reference(parts[0], parts[1], parts[2]);
                    }
                }
                default -> { }
            }
        }
        if (current != null) {
            current.emit(components, problems);
        }
        if (spdxVersion == null) {
            throw new BadInputException(Location.of(source), "expected an SPDX tag-value document with SPDXVersion");
        }
        if (!spdxVersion.startsWith("SPDX-2.")) {
            throw new BadInputException(Location.of(source), "expected SPDX-2.2 or SPDX-2.3, found " + spdxVersion);
        }
        return new ReadResult<>(List.of(new Target(documentName == null ? source : documentName,
                Target.Kind.APPLICATION, source, components)), problems);
    }
}
