package org.patchgap.core.match;

import java.util.List;

/**
 * The affected entries of one package (all advisories), the boundaries their ranges are compiled against, and
 * all their ranges again as one {@link RangeProgram}: a component that no range affects — most of them — is
 * cleared with one pass over one array.
 *
 * @param ranges    every entry's ranges, concatenated into one program
 * @param hasListed whether some entry lists explicit versions (then the one-array pass cannot clear a component)
 */
record PackageEntries(PackagePositions positions, List<CompiledPackage> entries, int[] ranges, boolean hasListed) {

    static final PackageEntries NONE = of(PackagePositions.of(List.of()), List.of());

    static PackageEntries of(PackagePositions positions, List<CompiledPackage> entries) {
        int size = 0;
        boolean listed = false;
        for (CompiledPackage entry : entries) {
            size += entry.ranges().length;
            listed |= entry.listsVersions();
        }
        int[] all = new int[size];
        int at = 0;
        for (CompiledPackage entry : entries) {
            System.arraycopy(entry.ranges(), 0, all, at, entry.ranges().length);
            at += entry.ranges().length;
        }
        return new PackageEntries(positions, List.copyOf(entries), all, listed);
    }

    /** Whether some entry may affect the version at {@code position}; false means none does. */
    boolean mayAffect(int position) {
        return hasListed || RangeProgram.anyContains(ranges, position);
    }
}
