package org.patchgap.core.match;

import java.util.List;

/** The affected entries of one package (all advisories), and the boundaries their ranges are compiled against. */
record PackageEntries(PackagePositions positions, List<CompiledPackage> entries) {

    static final PackageEntries NONE = new PackageEntries(PackagePositions.of(List.of()), List.of());
}
